/** Request schemas of communities/list-cargos-residente. */
import { pageQuery } from './fields.js';

export const schemas = { query: pageQuery() };
