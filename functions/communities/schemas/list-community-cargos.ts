/** Request schemas of communities/list-community-cargos. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('comunidadId'), query: pageQuery };
