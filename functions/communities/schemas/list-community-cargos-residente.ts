/** Request schemas of communities/list-community-cargos-residente. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('communityId'), query: pageQuery };
