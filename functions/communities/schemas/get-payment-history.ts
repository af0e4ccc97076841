/** Request schemas of communities/get-payment-history. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
