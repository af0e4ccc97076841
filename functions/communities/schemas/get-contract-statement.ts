/** Request schemas of communities/get-contract-statement. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('contratoId'), query: pageQuery() };
