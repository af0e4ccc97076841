/** Request schemas of gateway/get-payment: a numeric id, as the gateway renders them. */
import { idPath } from './fields.js';

export const schemas = { path: idPath() };
