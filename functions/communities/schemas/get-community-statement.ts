/** Request schemas of communities/get-community-statement. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('comunidadId'), query: pageQuery };
