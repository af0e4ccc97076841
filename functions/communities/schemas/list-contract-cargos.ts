/** Request schemas of communities/list-contract-cargos. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('contratoId'), query: pageQuery };
