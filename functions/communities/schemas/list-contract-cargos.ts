/** Request schemas of communities/list-contract-cargos. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('contratoId'), query: pageQuery() };
