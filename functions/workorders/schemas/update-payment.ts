/** Request schemas of workorders/update-payment (named by the route table through its handler). */
import { idPath, pagoUpdateBody } from './pago.js';

export const schemas = { path: idPath(), body: pagoUpdateBody() };
