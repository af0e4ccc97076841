/** Request schemas of workorders/create-payment (named by the route table through its handler). */
import { pagoBody } from './pago.js';

export const schemas = { body: pagoBody() };
