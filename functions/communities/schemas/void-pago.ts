/** Request schemas of communities/void-pago. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
