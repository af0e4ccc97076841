/** Request schemas of communities/list-resident-pagos-residente. */
import { pageQuery, partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('residentId'), query: pageQuery() };
