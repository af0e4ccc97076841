/** Request schemas of workorders/get-payment (named by the route table through its handler). */
import { idPath } from './pago.js';

export const schemas = { path: idPath() };
