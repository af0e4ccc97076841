import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeStatus, outstanding } from '../../shared/domain/charges.js';
import { checkNotFuture, isValidDate, localDateTime } from '../../shared/domain/dates.js';
import { normalizeRut, rutCheckDigit } from '../../shared/domain/rut.js';
import { createIdGenerator, INSTANCE_COUNT, isId, newId } from '../../shared/ids.js';

describe('business dates', () => {
  it('validates calendar dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-13-01')).toBe(false);
    expect(isValidDate('2024-1-01')).toBe(false);
  });

  it('reads the wall clock of a time zone (Costa Rica is UTC-6 all year)', () => {
    const instant = new Date('2024-03-16T03:30:00Z');
    expect(localDateTime(instant, 'America/Costa_Rica')).toEqual({ date: '2024-03-15', time: '21:30' });
    expect(localDateTime(instant, 'UTC')).toEqual({ date: '2024-03-16', time: '03:30' });
  });

  it('rejects future dates and, today, future times in the tenant time zone', () => {
    const now = new Date('2024-03-15T20:30:00Z'); // 14:30 in Costa Rica
    const tz = 'America/Costa_Rica';
    expect(checkNotFuture('2024-03-16', undefined, now, tz)).toBe('future_date');
    expect(checkNotFuture('2024-03-15', '14:31', now, tz)).toBe('future_time');
    expect(checkNotFuture('2024-03-15', '14:30', now, tz)).toBe('ok');
    expect(checkNotFuture('2024-03-14', '23:59', now, tz)).toBe('ok');
    // Already the 16th in UTC, still the 15th in Costa Rica.
    expect(checkNotFuture('2024-03-16', undefined, new Date('2024-03-16T05:00:00Z'), tz)).toBe('future_date');
  });
});

describe('ids', () => {
  it('are safe-integer decimal strings, unique and increasing', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isId(id)).toBe(true);
    const sorted = [...ids].sort((a, b) => Number(a) - Number(b));
    expect(sorted).toEqual(ids);
  });

  it('stay below 2^53 for decades', () => {
    expect(Number.isSafeInteger(Number(newId(Date.UTC(2090, 0, 1))))).toBe(true);
  });

  it('never collide across instances creating in the same millisecond', () => {
    const sameMillisecond = () => Date.UTC(2026, 10, 30, 12);
    const instances = Array.from({ length: 10 }, (_, instance) => createIdGenerator({ instance, clock: sameMillisecond }));
    // 1,000 creates spread over the instances, interleaved as parallel requests would be.
    const ids = Array.from({ length: 1_000 }, (_, i) => instances[i % instances.length]!());
    expect(new Set(ids).size).toBe(1_000);
    for (const id of ids) expect(isId(id)).toBe(true);
  });

  it('keep the instance part within its bits', () => {
    expect(() => createIdGenerator({ instance: INSTANCE_COUNT })).toThrow(RangeError);
    expect(() => createIdGenerator({ instance: -1 })).toThrow(RangeError);
    const last = createIdGenerator({ instance: INSTANCE_COUNT - 1 });
    expect(Number.isSafeInteger(Number(last(Date.UTC(2090, 0, 1))))).toBe(true);
  });
});

describe('RUT', () => {
  it('computes the check digit (including K and 0)', () => {
    expect(rutCheckDigit('12345678')).toBe('5');
    expect(rutCheckDigit('76086428')).toBe('5');
    expect(normalizeRut('12.345.678-5')).toBe('12345678-5');
    expect(normalizeRut('12345678-4')).toBeNull();
    expect(normalizeRut('not-a-rut')).toBeNull();
  });

  it('accepts every body with its own check digit and rejects every other digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 99_999_999 }), (n) => {
        const body = String(n);
        const digit = rutCheckDigit(body);
        expect(normalizeRut(`${body}-${digit}`)).toBe(`${body}-${digit}`);
        const wrong = digit === '1' ? '2' : '1';
        expect(normalizeRut(`${body}-${wrong}`)).toBeNull();
      }),
    );
  });
});

describe('charge status', () => {
  const base = { amount: 10000, paidAmount: 0, voided: false };
  it('is derived from paid amount, late fee and due date', () => {
    expect(chargeStatus(base, '2024-01-01')).toBe('pending');
    expect(chargeStatus({ ...base, paidAmount: 5000 }, '2024-01-01')).toBe('partially_paid');
    expect(chargeStatus({ ...base, paidAmount: 10000 }, '2024-01-01')).toBe('paid');
    expect(chargeStatus({ ...base, paidAmount: 10000, lateFee: 500 }, '2024-01-01')).toBe('partially_paid');
    expect(chargeStatus({ ...base, dueDate: '2023-12-31' }, '2024-01-01')).toBe('overdue');
    expect(chargeStatus({ ...base, dueDate: '2024-01-01' }, '2024-01-01')).toBe('pending');
    expect(chargeStatus({ ...base, voided: true }, '2024-01-01')).toBe('void');
    expect(outstanding({ amount: 10000, lateFee: 500, paidAmount: 3000 })).toBe(7500);
  });
});
