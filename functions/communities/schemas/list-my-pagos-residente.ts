/** Request schemas of communities/list-my-pagos-residente. */
import { pageQuery } from './fields.js';

export const schemas = { query: pageQuery() };
