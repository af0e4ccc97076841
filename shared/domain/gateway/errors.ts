/**
 * Rejections of the gateway's search grammar (seed 002), as reason codes the gateway dialect maps
 * to its extended codes: INVALID_FILTER (4601) a field, operation, value or parameter the search
 * cannot take; MINIMUM_FIELDS (4501) no minimum combination of filters; SEARCH_TOO_BROAD (4502,
 * Caja's) a search whose key range is too large to answer exactly.
 */
import { Invalid } from '../../ledger/errors.js';

export const invalidFilter = (message: string) => new Invalid(message, undefined, 'INVALID_FILTER');
export const MINIMUM_FIELDS_MESSAGE = 'Query not have the minimum fields required for realm';
export const minimumFields = () => new Invalid(MINIMUM_FIELDS_MESSAGE, undefined, 'MINIMUM_FIELDS');
export const tooBroad = () =>
  new Invalid('Query matches too many payments to answer exactly: narrow the date range or the filters', undefined, 'SEARCH_TOO_BROAD');
