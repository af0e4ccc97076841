/** Request schemas of communities/list-contract-payment-histories. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('contratoId'), query: pageQuery() };
