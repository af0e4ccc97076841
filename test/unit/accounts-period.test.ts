import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInclusive,
  lastDayOfMonth,
  MAX_PERIOD_DAYS,
  mondayOf,
  PeriodError,
  resolvePeriod,
  type PeriodQuery,
} from '../../shared/domain/accounts/period.js';

const COSTA_RICA = 'America/Costa_Rica'; // UTC−06:00 all year
/** 2026-11-30 is a Monday; at 03:00 UTC it is still Sunday 2026-11-29 21:00 in Costa Rica. */
const SUNDAY_EVENING_CR = new Date('2026-11-30T03:00:00Z');
const at = (localDate: string) => new Date(`${localDate}T12:00:00-06:00`);

function periodError(query: PeriodQuery, now = at('2026-11-18')): PeriodError {
  try {
    resolvePeriod(query, now, COSTA_RICA);
  } catch (error) {
    expect(error).toBeInstanceOf(PeriodError);
    return error as PeriodError;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be rejected`);
}

describe('calendar helpers', () => {
  it('knows month ends, leap years and Mondays', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02-10')).toBe('2025-02-28');
    expect(lastDayOfMonth('1900-02')).toBe('1900-02-28');
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30'); // a Monday is its own week's start
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across a year end
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
  });

  it('mondayOf is a Monday at most six days back, for any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (offset) => {
        const date = addDays('1970-01-01', offset);
        const monday = mondayOf(date);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(daysInclusive(monday, date)).toBeGreaterThanOrEqual(1);
        expect(daysInclusive(monday, date)).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe('resolvePeriod presets', () => {
  it('today and yesterday are the tenant-zone day, not the UTC one', () => {
    expect(resolvePeriod({ date: 'today' }, SUNDAY_EVENING_CR, COSTA_RICA)).toMatchObject({ startDate: '2026-11-29', endDate: '2026-11-29', totalDays: 1 });
    expect(resolvePeriod({ date: 'today' }, SUNDAY_EVENING_CR, 'UTC')).toMatchObject({ startDate: '2026-11-30', endDate: '2026-11-30' });
    expect(resolvePeriod({ date: 'yesterday' }, at('2026-03-01'), COSTA_RICA)).toMatchObject({ startDate: '2026-02-28', endDate: '2026-02-28', month: '2026-02' });
    expect(resolvePeriod({ date: 'yesterday' }, at('2027-01-01'), COSTA_RICA)).toMatchObject({ startDate: '2026-12-31', month: '2026-12' });
  });

  it('week runs from Monday to today (one day on a Monday)', () => {
    expect(resolvePeriod({ date: 'week' }, at('2026-11-30'), COSTA_RICA)).toMatchObject({ startDate: '2026-11-30', endDate: '2026-11-30', totalDays: 1 });
    expect(resolvePeriod({ date: 'week' }, SUNDAY_EVENING_CR, COSTA_RICA)).toMatchObject({ startDate: '2026-11-23', endDate: '2026-11-29', totalDays: 7 });
    // A week that began last month: the month of the period is the month of its end.
    expect(resolvePeriod({ date: 'week' }, at('2026-12-02'), COSTA_RICA)).toMatchObject({
      startDate: '2026-11-30', endDate: '2026-12-02', totalDays: 3, month: '2026-12', monthStartDate: '2026-12-01', monthEndDate: '2026-12-02',
    });
  });

  it('month and year run to date', () => {
    expect(resolvePeriod({ date: 'month' }, at('2026-11-18'), COSTA_RICA)).toEqual({
      month: '2026-11', startDate: '2026-11-01', endDate: '2026-11-18', totalDays: 18, monthStartDate: '2026-11-01', monthEndDate: '2026-11-18',
    });
    expect(resolvePeriod({ date: 'month' }, at('2026-11-01'), COSTA_RICA)).toMatchObject({ startDate: '2026-11-01', totalDays: 1 });
    expect(resolvePeriod({ date: 'year' }, at('2027-01-01'), COSTA_RICA)).toMatchObject({ startDate: '2027-01-01', endDate: '2027-01-01', totalDays: 1 });
    // The last day of a leap year: 366 days, exactly the limit.
    expect(resolvePeriod({ date: 'year' }, at('2024-12-31'), COSTA_RICA)).toMatchObject({ startDate: '2024-01-01', totalDays: MAX_PERIOD_DAYS });
  });
});

describe('resolvePeriod month=YYYY-MM', () => {
  it('is the whole month, cut at today in the current month', () => {
    expect(resolvePeriod({ month: '2024-02' }, at('2026-11-18'), COSTA_RICA)).toEqual({
      month: '2024-02', startDate: '2024-02-01', endDate: '2024-02-29', totalDays: 29, monthStartDate: '2024-02-01', monthEndDate: '2024-02-29',
    });
    expect(resolvePeriod({ month: '2025-02' }, at('2026-11-18'), COSTA_RICA)).toMatchObject({ endDate: '2025-02-28', totalDays: 28 });
    expect(resolvePeriod({ month: '2026-11' }, at('2026-11-18'), COSTA_RICA)).toMatchObject({ endDate: '2026-11-18', monthEndDate: '2026-11-18', totalDays: 18 });
  });

  it('rejects a malformed or future month', () => {
    for (const month of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '']) {
      expect(periodError({ month })).toMatchObject({ code: 'INVALID_PERIOD', field: 'month' });
    }
    expect(periodError({ month: '2026-12' })).toMatchObject({ code: 'FUTURE_DATE', field: 'month' });
  });
});

describe('resolvePeriod date=range', () => {
  it('takes fromDate and toDate, both included', () => {
    expect(resolvePeriod({ date: 'range', fromDate: '2026-10-30', toDate: '2026-11-02' }, at('2026-11-18'), COSTA_RICA)).toEqual({
      month: '2026-11', startDate: '2026-10-30', endDate: '2026-11-02', totalDays: 4, monthStartDate: '2026-11-01', monthEndDate: '2026-11-18',
    });
    expect(resolvePeriod({ date: 'range', fromDate: '2026-02-01', toDate: '2026-02-28' }, at('2026-11-18'), COSTA_RICA)).toMatchObject({
      monthEndDate: '2026-02-28',
    });
  });

  it('requires both dates, valid and in order, with range only', () => {
    expect(periodError({ date: 'range', toDate: '2026-11-02' })).toMatchObject({ code: 'INVALID_PERIOD', field: 'fromDate' });
    expect(periodError({ date: 'range', fromDate: '2026-11-02' })).toMatchObject({ code: 'INVALID_PERIOD', field: 'toDate' });
    expect(periodError({ date: 'range', fromDate: '2026-02-30', toDate: '2026-03-02' })).toMatchObject({ field: 'fromDate' });
    expect(periodError({ date: 'range', fromDate: '2026-11-03', toDate: '2026-11-02' })).toMatchObject({ field: 'fromDate', message: 'fromDate must not be after toDate' });
    expect(periodError({ date: 'range', fromDate: '2026-11-01', toDate: '2026-11-19' })).toMatchObject({ code: 'FUTURE_DATE', field: 'toDate' });
    expect(periodError({ date: 'week', fromDate: '2026-11-01' })).toMatchObject({ field: 'fromDate', message: 'fromDate is only allowed with date=range' });
    expect(periodError({ month: '2026-10', toDate: '2026-10-31' })).toMatchObject({ field: 'toDate' });
  });

  it('allows at most 366 days and names the limit', () => {
    expect(resolvePeriod({ date: 'range', fromDate: '2025-11-18', toDate: '2026-11-18' }, at('2026-11-18'), COSTA_RICA).totalDays).toBe(366);
    const error = periodError({ date: 'range', fromDate: '2025-11-17', toDate: '2026-11-18' });
    expect(error).toMatchObject({ code: 'PERIOD_TOO_LONG' });
    expect(error.message).toContain('366 days');
  });
});

describe('resolvePeriod query shape', () => {
  it('needs exactly one of month and a date preset', () => {
    expect(periodError({})).toMatchObject({ code: 'INVALID_PERIOD', field: 'date' });
    expect(periodError({ month: '2026-10', date: 'month' })).toMatchObject({ field: 'month', message: expect.stringContaining('exclusive') });
    expect(periodError({ date: 'fortnight' })).toMatchObject({ field: 'date' });
    expect(periodError({ date: '2026-11-01' })).toMatchObject({ field: 'date' });
  });

  it('every preset ends today or earlier and stays within the limit, at any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('today', 'yesterday', 'week', 'month', 'year'),
        (now, date) => {
          const period = resolvePeriod({ date }, now, COSTA_RICA);
          const today = new Date(now.getTime() - 6 * 3_600_000).toISOString().slice(0, 10);
          expect(period.endDate <= today).toBe(true);
          expect(period.startDate <= period.endDate).toBe(true);
          expect(period.totalDays).toBe(daysInclusive(period.startDate, period.endDate));
          expect(period.totalDays).toBeLessThanOrEqual(MAX_PERIOD_DAYS);
          expect(period.monthStartDate <= period.endDate && period.endDate <= period.monthEndDate).toBe(true);
        },
      ),
    );
  });
});
