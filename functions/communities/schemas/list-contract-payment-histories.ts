/** Request schemas of communities/list-contract-payment-histories. */
import { pageQuery, pathOf } from './fields.js';

export const schemas = { path: pathOf('contratoId'), query: pageQuery };
