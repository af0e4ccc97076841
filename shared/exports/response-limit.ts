/**
 * What one export may weigh. A Lambda function behind API Gateway answers at most 6 MB (6,291,456
 * bytes) of response payload, and a binary file travels base64-encoded in it (4 bytes per 3), next to
 * its headers and the JSON the runtime wraps it in. 4,500,000 bytes of file become 6,000,000
 * characters of base64, leaving about 290 KB for the rest.
 */
export const MAX_EXPORT_FILE_BYTES = 4_500_000;
import { megabytes } from '../http/response-limit.js';

export { LAMBDA_RESPONSE_LIMIT_BYTES } from '../http/response-limit.js';

/** The file is too large to be answered; the accounts dialect maps it to a 4xx naming the limit. */
export class ExportTooLargeError extends Error {
  readonly code = 'EXPORT_TOO_LARGE';
  constructor(
    readonly fileBytes: number,
    readonly limitBytes: number = MAX_EXPORT_FILE_BYTES,
  ) {
    super(
      `The export is ${megabytes(fileBytes)} MB; the limit is ${megabytes(limitBytes)} MB of file ` +
        `(the 6 MB Lambda response limit after base64). Export a shorter period or fewer entities.`,
    );
    this.name = 'ExportTooLargeError';
  }
}

/** Base64 length of `bytes` bytes (what the file occupies in the Lambda response). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export function assertWithinResponseLimit(body: Uint8Array, limitBytes: number = MAX_EXPORT_FILE_BYTES): void {
  if (body.byteLength > limitBytes) throw new ExportTooLargeError(body.byteLength, limitBytes);
}

/**
 * Rows one PDF may hold. A PDF is read, not processed: past a few dozen pages CSV or Excel serve
 * better, and pdf-lib's pure-JS compression makes a long one cost seconds of Lambda time per
 * thousand rows (test/bench/export-bundle.ts prints the render times).
 */
export const MAX_PDF_ROWS = 2_000;

/** The report has more rows than the format takes; mapped to a 4xx naming the limit like ExportTooLargeError. */
export class ExportRowLimitError extends Error {
  readonly code = 'EXPORT_TOO_MANY_ROWS';
  constructor(
    readonly rows: number,
    readonly limitRows: number,
    readonly format: string,
  ) {
    super(`A ${format} export holds at most ${limitRows} rows; this one has ${rows}. Export CSV or Excel, or a shorter period or fewer entities.`);
    this.name = 'ExportRowLimitError';
  }
}
