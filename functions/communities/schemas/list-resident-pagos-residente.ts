/** Request schemas of communities/list-resident-pagos-residente. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('residentId'), query: pageQuery };
