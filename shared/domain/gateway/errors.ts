/**
 * Rejections of the gateway's search grammar (seed 002), each with the documented extended code:
 * 4601 a field, operation, value or parameter the search cannot take; 4501 no minimum combination
 * of filters; 4502 (Caja's) a search whose key range is too large to answer exactly.
 */
import { AppError } from '../../errors.js';

export type SearchExtendedCode = 4601 | 4501 | 4502;

export class SearchRejected extends AppError {
  constructor(
    message: string,
    readonly extendedCode: SearchExtendedCode,
  ) {
    super(400, 'VALIDATION_ERROR', message);
    this.name = 'SearchRejected';
  }
}

export const invalidFilter = (message: string) => new SearchRejected(message, 4601);
export const MINIMUM_FIELDS_MESSAGE = 'Query not have the minimum fields required for realm';
export const minimumFields = () => new SearchRejected(MINIMUM_FIELDS_MESSAGE, 4501);
export const tooBroad = () =>
  new SearchRejected('Query matches too many payments to answer exactly: narrow the date range or the filters', 4502);
