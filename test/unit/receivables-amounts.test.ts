import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES, type Currency, MAX_AMOUNT_MINOR } from '../../shared/domain/money.js';
import { apportionMinor, type Fraction } from '../../shared/domain/receivables/cfdi-amounts.js';
import { renderReceivablesAmount, renderReceivablesTimestamp } from '../../shared/domain/receivables/render.js';
import { findAllocationProblem, parseRequestAmount, type RequestedAllocation } from '../../shared/domain/receivables/request-amounts.js';

describe('request amounts', () => {
  it('reads JSON numbers and numeric strings, as the document sends them', () => {
    expect(parseRequestAmount('256525', 'CLP')).toEqual({ ok: true, minor: 256525 });
    expect(parseRequestAmount(256525, 'CLP')).toEqual({ ok: true, minor: 256525 });
    expect(parseRequestAmount('65770.00', 'CLP')).toEqual({ ok: true, minor: 65770 });
    expect(parseRequestAmount('7116.12', 'MXN')).toEqual({ ok: true, minor: 711612 });
    expect(parseRequestAmount(0.1, 'USD')).toEqual({ ok: true, minor: 10 });
    expect(parseRequestAmount(' 12.5 ', 'MXN')).toEqual({ ok: true, minor: 1250 });
  });

  it('refuses what is not a positive amount of the currency', () => {
    const cases: Array<[unknown, Currency, string]> = [
      ['65770.5', 'CLP', 'too_many_decimals'],
      ['1.005', 'MXN', 'too_many_decimals'],
      [1e-7, 'USD', 'too_many_decimals'],
      ['0', 'CLP', 'not_positive'],
      ['0.00', 'MXN', 'not_positive'],
      [-5, 'CLP', 'not_positive'],
      ['', 'CLP', 'not_a_number'],
      ['1,000', 'CLP', 'not_a_number'],
      ['1e5', 'CLP', 'not_a_number'],
      ['0x10', 'CLP', 'not_a_number'],
      ['+5', 'CLP', 'not_a_number'],
      [Number.NaN, 'CLP', 'not_a_number'],
      [Number.POSITIVE_INFINITY, 'CLP', 'not_a_number'],
      [null, 'CLP', 'not_a_number'],
      [true, 'CLP', 'not_a_number'],
      [['5'], 'CLP', 'not_a_number'],
      ['99999999999999999', 'CLP', 'too_large'],
      [1e21, 'CLP', 'too_large'],
    ];
    for (const [value, currency, reason] of cases) expect(parseRequestAmount(value, currency), String(value)).toEqual({ ok: false, reason });
  });
});

describe('rendering', () => {
  it('writes amounts with two decimals, even for CLP', () => {
    expect(renderReceivablesAmount(65770, 'CLP')).toBe('65770.00');
    expect(renderReceivablesAmount(0, 'CLP')).toBe('0.00');
    expect(renderReceivablesAmount(711612, 'MXN')).toBe('7116.12');
    expect(renderReceivablesAmount(5, 'USD')).toBe('0.05');
  });

  it('round-trips: parsing a rendered amount gives the same minor units (up to the amount maximum, 10^13 minor units)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.integer({ min: 1, max: MAX_AMOUNT_MINOR }), (currency, minor) => {
        const rendered = renderReceivablesAmount(minor, currency);
        expect(rendered).toMatch(/^\d+\.\d{2}$/);
        expect(parseRequestAmount(rendered, currency)).toEqual({ ok: true, minor });
        expect(parseRequestAmount(renderReceivablesAmount(MAX_AMOUNT_MINOR + minor, currency), currency)).toMatchObject({ ok: false });
      }),
    );
  });

  it('writes createdAt on the tenant wall clock, with seconds', () => {
    const instant = '2018-03-27T21:07:45.123Z';
    expect(renderReceivablesTimestamp(instant, 'America/Santiago')).toBe('2018-03-27 18:07:45'); // UTC−3 in March 2018
    expect(renderReceivablesTimestamp(new Date(instant), 'America/Mexico_City')).toBe('2018-03-27 15:07:45');
    expect(renderReceivablesTimestamp('2024-01-01T00:00:00Z', 'UTC')).toBe('2024-01-01 00:00:00');
    expect(() => renderReceivablesTimestamp('yesterday', 'UTC')).toThrow(RangeError);
  });
});

describe('allocations', () => {
  const outstanding = new Map([['a', 1000], ['b', 500], ['c', 1]]);
  const alloc = (documentKey: string, amount: number): RequestedAllocation => ({ documentKey, amount });

  it('accepts amounts within each outstanding that sum to the total', () => {
    expect(findAllocationProblem(1500, [alloc('a', 1000), alloc('b', 500)], outstanding)).toBeNull();
    expect(findAllocationProblem(1, [alloc('c', 1)], outstanding)).toBeNull();
  });

  it('names the first document that fails, in request order', () => {
    expect(findAllocationProblem(0, [], outstanding)).toEqual({ reason: 'no_documents' });
    expect(findAllocationProblem(1001, [alloc('b', 0), alloc('a', 1001)], outstanding)).toEqual({ reason: 'not_positive', index: 0, documentKey: 'b' });
    expect(findAllocationProblem(1001, [alloc('b', 500), alloc('a', 501.5)], outstanding)).toEqual({ reason: 'not_positive', index: 1, documentKey: 'a' });
    expect(findAllocationProblem(1002, [alloc('a', 1001), alloc('b', 1)], outstanding))
      .toEqual({ reason: 'exceeds_outstanding', index: 0, documentKey: 'a', amount: 1001, outstanding: 1000 });
    expect(findAllocationProblem(600, [alloc('b', 100), alloc('x', 500)], outstanding)).toEqual({ reason: 'unknown_document', index: 1, documentKey: 'x' });
    expect(findAllocationProblem(600, [alloc('b', 100), alloc('b', 500)], outstanding)).toEqual({ reason: 'duplicate_document', index: 1, documentKey: 'b' });
    expect(findAllocationProblem(1499, [alloc('a', 1000), alloc('b', 500)], outstanding)).toEqual({ reason: 'sum_mismatch', total: 1499, sum: 1500 });
  });

  it('adds past 2^53 without losing a unit', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const huge = new Map([['a', big], ['b', big]]);
    expect(findAllocationProblem(big, [alloc('a', big), alloc('b', 1)], huge)).toMatchObject({ reason: 'sum_mismatch' });
  });

  it('agrees with a brute-force model on random requests', () => {
    const keys = ['a', 'b', 'c', 'd'];
    const request = fc.record({
      outstanding: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: keys.length, maxLength: keys.length }),
      allocations: fc.array(fc.record({ documentKey: fc.constantFrom(...keys, 'zz'), amount: fc.integer({ min: -2, max: 60 }) }), { maxLength: 5 }),
      totalDelta: fc.integer({ min: -2, max: 2 }),
    });
    fc.assert(
      fc.property(request, ({ outstanding: amounts, allocations, totalDelta }) => {
        const byKey = new Map(keys.map((k, i) => [k, amounts[i] ?? 0]));
        const sum = allocations.reduce((s, a) => s + a.amount, 0);
        const total = sum + totalDelta;
        const problem = findAllocationProblem(total, allocations, byKey);
        // The model: valid iff non-empty, every line fine on its own, no repeats, and the sum matches.
        const lineOk = (a: RequestedAllocation, i: number) =>
          a.amount > 0 && byKey.has(a.documentKey) && a.amount <= (byKey.get(a.documentKey) ?? 0) &&
          allocations.findIndex((b) => b.documentKey === a.documentKey) === i;
        const valid = allocations.length > 0 && allocations.every(lineOk) && totalDelta === 0;
        expect(problem === null).toBe(valid);
        if (problem && 'index' in problem) expect(allocations.slice(0, problem.index).every(lineOk)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('apportioning a converted payment over its documents', () => {
  const fraction = (num: number, den: number): Fraction => ({ num: BigInt(num), den: BigInt(den) });

  it('gives the leftover units to the largest remainders, ties to the earlier share', () => {
    expect(apportionMinor(10, [fraction(10, 3), fraction(10, 3), fraction(10, 3)])).toEqual([4, 3, 3]);
    expect(apportionMinor(100, [fraction(499, 10), fraction(501, 10)])).toEqual([50, 50]);
    expect(apportionMinor(99, [fraction(499, 10), fraction(501, 10)])).toEqual([49, 50]);
    expect(apportionMinor(0, [])).toEqual([]);
  });

  it('always adds up to the total, each share within a unit of its proportional quota', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (parts, total) => {
          const shares = apportionMinor(total, parts.map(([n, d]) => fraction(n, d)));
          expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
          const weightSum = parts.reduce((s, [n, d]) => s + n / d, 0); // floats only to bound the check, with slack
          for (const [i, [n, d]] of parts.entries()) {
            expect(shares[i]).toBeGreaterThanOrEqual(0);
            expect(Math.abs((shares[i] ?? 0) - (total * (n / d)) / weightSum)).toBeLessThan(1 + 1e-6);
          }
        },
      ),
    );
  });

  it('refuses a negative total or a non-positive weight', () => {
    expect(() => apportionMinor(-1, [fraction(1, 1)])).toThrow(RangeError);
    expect(() => apportionMinor(1, [fraction(0, 1)])).toThrow(RangeError);
  });
});
