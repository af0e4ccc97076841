/** Request schemas of communities/delete-payment-history. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
