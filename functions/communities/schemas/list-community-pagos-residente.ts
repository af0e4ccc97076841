/** Request schemas of communities/list-community-pagos-residente. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('communityId'), query: pageQuery };
