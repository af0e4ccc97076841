/** How the receivables API writes amounts and timestamps (seed 004's samples: "65770.00", "2018-03-27 18:07:45"). */
import { localTimestamp } from '../dates.js';
import { CURRENCY_DECIMALS, formatMajor, type Currency } from '../money.js';

/**
 * An amount as a decimal string with at least two decimals, even for a currency without minor
 * units: the document renders CLP 65770 as "65770.00". A currency with more decimals keeps them all.
 */
export function renderReceivablesAmount(minor: number, currency: Currency): string {
  const text = formatMajor(minor, currency);
  const decimals = CURRENCY_DECIMALS[currency];
  if (decimals >= 2) return text;
  return decimals === 0 ? `${text}.00` : `${text}${'0'.repeat(2 - decimals)}`;
}

/** createdAt as `YYYY-MM-DD HH:mm:ss` on the tenant's wall clock (the API carries no zone offset). */
export function renderReceivablesTimestamp(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a timestamp: ${String(instant)}`);
  return localTimestamp(date, timeZone);
}
