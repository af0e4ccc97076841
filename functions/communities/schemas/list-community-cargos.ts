/** Request schemas of communities/list-community-cargos. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('comunidadId'), query: pageQuery() };
