/** Request schemas of communities/get-contract-statement. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('contratoId'), query: pageQuery };
