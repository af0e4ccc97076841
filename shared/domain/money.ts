/** Money as integer minor units; conversions go through decimal strings, never float arithmetic. */
import { Invalid, issue, LimitExceeded } from '../ledger/errors.js';
export const CURRENCY_DECIMALS = { CLP: 0, PEN: 2, CRC: 2, MXN: 2, USD: 2 } as const;
export type Currency = keyof typeof CURRENCY_DECIMALS;

/**
 * Money limits (SPEC §4; README "Money limits"). Every amount field of every API takes at most
 * MAX_AMOUNT_MINOR minor units (10^13: 100,000,000,000.00 in a two-decimal currency); above it the
 * request is a 400 naming the field. Every running total (a charge's paid amount, a day's totals)
 * holds at most MAX_TOTAL_MINOR (10^15): the conditional write that would pass it is refused (422
 * AMOUNT_LIMIT) and writes nothing. Sums of a few such totals stay far below 2^53, so integer
 * arithmetic on numbers stays exact.
 */
export const MAX_AMOUNT_MINOR = 10 ** 13;
export const MAX_TOTAL_MINOR = 10 ** 15;
export const CURRENCIES = Object.keys(CURRENCY_DECIMALS) as Currency[];

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCY_DECIMALS, code);
}

export type ParseAmountResult =
  | { ok: true; minor: number }
  | { ok: false; reason: 'not_a_number' | 'too_many_decimals' | 'too_large' };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a major-unit amount (JSON number or numeric string) into minor units. A JSON number is
 * taken by its shortest round-trip decimal form, which is exactly what the client wrote for any
 * amount with up to 15 significant digits.
 */
/** `limit`: the largest magnitude accepted, MAX_AMOUNT_MINOR for request fields (a rendered total may read back with a larger one). */
export function parseMajor(value: number | string, currency: Currency, limit: number = MAX_AMOUNT_MINOR): ParseAmountResult {
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, reason: 'not_a_number' };
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const [, sign, whole = '0', fraction = ''] = match;
  const decimals = CURRENCY_DECIMALS[currency];
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > decimals) return { ok: false, reason: 'too_many_decimals' };
  const digits = whole + significantFraction.padEnd(decimals, '0');
  const minor = Number(sign + digits);
  if (!Number.isSafeInteger(minor) || Math.abs(minor) > limit) return { ok: false, reason: 'too_large' };
  return { ok: true, minor: minor === 0 ? 0 : minor };
}

function numberToPlainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent forms (1e-7, 1e21) are either too many decimals or too large for money; say so.
  return Math.abs(value) < 1 ? '0.' + '0'.repeat(20) + '1' : '9'.repeat(30);
}

/** Renders minor units as a major-unit decimal string with the currency's decimals ("150.00"). */
export function formatMajor(minor: number, currency: Currency): string {
  const decimals = CURRENCY_DECIMALS[currency];
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  if (decimals === 0) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Minor units as a JSON number in major units (150.5 for 15050 PEN), for dialects that document numbers. */
export function toMajorNumber(minor: number, currency: Currency): number {
  return Number(formatMajor(minor, currency));
}

/**
 * The exact sum of integer amounts. A sum past 2^53 cannot be computed exactly with numbers: it is
 * refused (LimitExceeded, 422 AMOUNT_LIMIT), never rounded and never a 500.
 */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!Number.isSafeInteger(total)) throw new LimitExceeded('A total is past what Caja computes exactly');
  }
  return total;
}

/** "100000000000.00 (10000000000000 minor units)": the documented maximum of an amount field. */
export const maxAmountText = (currency: Currency) => `${formatMajor(MAX_AMOUNT_MINOR, currency)}`;

/**
 * A major-unit amount from a request (JSON number or decimal string) in minor units, or an Invalid
 * naming `field`: more decimals than the currency has, not a number, or not exactly representable.
 */
export function toMinorUnits(value: number | string, currency: Currency, field: string, rule: 'positive' | 'any' = 'any'): number {
  const parsed = parseMajor(value, currency);
  const fail = (message: string) => new Invalid(`Invalid body: ${field}: ${message}`, issue(field, message));
  if (!parsed.ok) {
    if (parsed.reason === 'too_many_decimals') throw fail(`Must have at most the decimals of ${currency}`);
    throw fail(parsed.reason === 'too_large' ? `Must be at most ${maxAmountText(currency)}` : 'Must be a number');
  }
  if (rule === 'positive' && parsed.minor <= 0) throw fail('Must be greater than 0');
  return parsed.minor;
}
