/** Request schemas of communities/get-community-statement. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('comunidadId'), query: pageQuery() };
