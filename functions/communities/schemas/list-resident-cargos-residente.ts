/** Request schemas of communities/list-resident-cargos-residente. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('residentId'), query: pageQuery() };
