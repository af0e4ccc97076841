/** Request schemas of communities/list-community-cargos-residente. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('communityId'), query: pageQuery() };
