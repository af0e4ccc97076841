/** Request schemas of ledger/get-payment (named by the route table through its handler). */
import { idPath } from './fields.js';

export const schemas = { path: idPath() };
