/** Request schemas of ledger/get-party (named by the route table through its handler). */
import { idPath } from './fields.js';

export const schemas = { path: idPath() };
