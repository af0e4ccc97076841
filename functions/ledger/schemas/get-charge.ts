/** Request schemas of ledger/get-charge (named by the route table through its handler). */
import { idPath } from './fields.js';

export const schemas = { path: idPath() };
