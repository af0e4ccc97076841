/** Request schemas of communities/list-resident-cargos-residente. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('residentId'), query: pageQuery };
