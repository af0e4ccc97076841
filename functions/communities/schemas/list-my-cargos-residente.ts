/** Request schemas of communities/list-my-cargos-residente. */
import { pageQuery } from './fields.js';

export const schemas = { query: pageQuery() };
