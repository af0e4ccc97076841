/** Request schemas of workorders/delete-payment (named by the route table through its handler). */
import { idPath } from './pago.js';

export const schemas = { path: idPath() };
