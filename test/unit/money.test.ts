import { LimitExceeded } from '../../shared/ledger/errors.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES, formatMajor, parseMajor, sumMinor, toMajorNumber } from '../../shared/domain/money.js';

describe('parseMajor', () => {
  it('parses decimal numbers and strings into minor units', () => {
    expect(parseMajor(150, 'PEN')).toEqual({ ok: true, minor: 15000 });
    expect(parseMajor(150.5, 'PEN')).toEqual({ ok: true, minor: 15050 });
    expect(parseMajor('150.05', 'PEN')).toEqual({ ok: true, minor: 15005 });
    expect(parseMajor(0.1, 'USD')).toEqual({ ok: true, minor: 10 });
    expect(parseMajor(1000, 'CLP')).toEqual({ ok: true, minor: 1000 });
    expect(parseMajor('12.50', 'PEN')).toEqual({ ok: true, minor: 1250 });
  });

  it('rejects more decimals than the currency has', () => {
    expect(parseMajor(150.001, 'PEN')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseMajor(10.5, 'CLP')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseMajor(1e-7, 'USD')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('rejects what is not a plain decimal or too large to be exact', () => {
    expect(parseMajor(Number.NaN, 'PEN')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseMajor('1,50', 'PEN')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseMajor('', 'PEN')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseMajor(1e21, 'PEN')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseMajor('90071992547409.93', 'PEN')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('round-trips every minor amount through its major rendering', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(...CURRENCIES), (minor, currency) => {
        expect(parseMajor(formatMajor(minor, currency), currency)).toEqual({ ok: true, minor });
        expect(parseMajor(toMajorNumber(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });
});

describe('formatMajor', () => {
  it('renders with the currency decimals', () => {
    expect(formatMajor(15000, 'PEN')).toBe('150.00');
    expect(formatMajor(5, 'PEN')).toBe('0.05');
    expect(formatMajor(-5, 'USD')).toBe('-0.05');
    expect(formatMajor(1500, 'CLP')).toBe('1500');
  });
});

describe('sumMinor', () => {
  it('adds integers and refuses unsafe totals', () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(LimitExceeded);
  });
});
