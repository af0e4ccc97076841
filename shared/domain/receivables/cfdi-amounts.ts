/**
 * Exact arithmetic for CFDI amounts and exchange rates: amounts become integer minor units,
 * rates become scaled bigints, and a conversion is kept as an exact fraction until the one place
 * it is rounded (apportionMinor). No float ever touches money.
 */
import { CURRENCY_DECIMALS, isCurrency, maxAmountText, parseMajor, type Currency } from '../money.js';
import { CfdiError } from './cfdi-errors.js';

/** SAT's t_Importe: a non-negative decimal without sign or exponent. */
const CFDI_DECIMAL = /^\d{1,18}(?:\.\d{1,6})?$/;
/** TipoCambioP / TipoCambioDR (6 decimals) and EquivalenciaDR (10 decimals in Pagos 2.0). */
const CFDI_RATE = /^(\d{1,18})(?:\.(\d{1,10}))?$/;

export function parseCfdiCurrency(code: string | undefined, path: string): Currency {
  if (code === undefined) throw new CfdiError('missing_field', 'is required', path);
  if (!isCurrency(code)) throw new CfdiError('unsupported_currency', `currency "${code}" is not kept by Caja`, path);
  return code;
}

/** An amount written in `currency`, as its minor units. More decimals than the currency has are an error unless zeros. */
export function parseCfdiAmount(text: string | undefined, currency: Currency, path: string): number {
  if (text === undefined) throw new CfdiError('missing_field', 'is required', path);
  if (!CFDI_DECIMAL.test(text)) throw new CfdiError('invalid_field', `"${text}" is not a decimal amount`, path);
  const parsed = parseMajor(text, currency);
  if (!parsed.ok && parsed.reason === 'too_large') throw new CfdiError('invalid_field', `"${text}" is more than ${maxAmountText(currency)}, the most an amount may be`, path);
  if (!parsed.ok) throw new CfdiError('invalid_field', `"${text}" is not an amount in ${currency} (${parsed.reason})`, path);
  return parsed.minor;
}

/** A positive exchange rate as `units / 10^scale`. */
export interface ExactRate {
  text: string;
  units: bigint;
  scale: number;
}

export function parseCfdiRate(text: string, path: string): ExactRate {
  const match = CFDI_RATE.exec(text);
  if (!match?.[1]) throw new CfdiError('invalid_exchange_rate', `"${text}" is not a decimal exchange rate`, path);
  const fraction = match[2] ?? '';
  const units = BigInt(match[1] + fraction);
  if (units === 0n) throw new CfdiError('invalid_exchange_rate', 'must be greater than zero', path);
  return { text, units, scale: fraction.length };
}

export function isRateOne(rate: ExactRate): boolean {
  return rate.units === 10n ** BigInt(rate.scale);
}

/** An exact non-negative rational, denominator > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export const fromMinor = (minor: number): Fraction => ({ num: BigInt(minor), den: 1n });

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

/**
 * `amount` minor units of `from` expressed in `to`, where `rate` is how many `from` units make one
 * `to` unit (EquivalenciaDR / TipoCambioDR read from the document's side): amount / rate, with the
 * two currencies' decimals reconciled.
 */
export function convertByDivision(amount: number, from: Currency, to: Currency, rate: ExactRate): Fraction {
  return {
    num: BigInt(amount) * 10n ** BigInt(CURRENCY_DECIMALS[to] + rate.scale),
    den: 10n ** BigInt(CURRENCY_DECIMALS[from]) * rate.units,
  };
}

/** `amount` minor units of `from` times `rate` (TipoCambioP: how many `to` units one `from` unit is worth). */
export function convertByMultiplication(amount: number, from: Currency, to: Currency, rate: ExactRate): Fraction {
  return {
    num: BigInt(amount) * rate.units * 10n ** BigInt(CURRENCY_DECIMALS[to]),
    den: 10n ** BigInt(CURRENCY_DECIMALS[from] + rate.scale),
  };
}

/** |written − exact| ≤ tolerance, exactly. */
export function withinTolerance(written: number, exact: Fraction, tolerance: Fraction): boolean {
  const difference = BigInt(written) * exact.den - exact.num;
  const magnitude = difference < 0n ? -difference : difference;
  return magnitude * tolerance.den <= tolerance.num * exact.den;
}

/**
 * Splits `total` (≥ 0) minor units into integer shares proportional to the exact positive
 * `weights` (Hamilton's largest remainder method, ties to the earlier share): each share is its
 * quota total × weight / Σ weights rounded down or up, and the shares add up to `total` exactly.
 * Used to turn converted document amounts into allocations that sum to the payment's Monto.
 */
export function apportionMinor(total: number, weights: readonly Fraction[]): number[] {
  if (weights.length === 0) return [];
  if (total < 0 || weights.some((w) => w.num <= 0n)) throw new RangeError('apportionMinor needs total ≥ 0 and positive weights');
  const sum = weights.reduce(addFractions);
  // quota_i = total × (n_i / d_i) / (N / D) = total × n_i × D / (d_i × N)
  const quotas = weights.map((w, index) => ({ index, num: BigInt(total) * w.num * sum.den, den: w.den * sum.num }));
  const shares = quotas.map((q) => q.num / q.den);
  let remaining = BigInt(total) - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = [...quotas].sort((a, b) => {
    const diff = (b.num % b.den) * a.den - (a.num % a.den) * b.den;
    return diff > 0n ? 1 : diff < 0n ? -1 : a.index - b.index;
  });
  // Floors lose less than one unit each, so fewer than weights.length units remain.
  for (const { index } of byRemainder) {
    if (remaining === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    remaining--;
  }
  return shares.map(Number);
}
