/** Request schemas of ledger/delete-party (named by the route table through its handler). */
import { idPath } from './fields.js';

export const schemas = { path: idPath() };
