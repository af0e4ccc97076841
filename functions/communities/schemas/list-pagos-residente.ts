/** Request schemas of communities/list-pagos-residente. */
import { pageQuery } from './fields.js';

export const schemas = { query: pageQuery() };
