/**
 * The period of a period-statement request (issue 13 item 9), resolved purely from the query, the
 * tenant's time zone and "now": `month=YYYY-MM`, or `date=today|yesterday|week|month|year|range`
 * (`fromDate`/`toDate` with `range` only). Dates are calendar dates (YYYY-MM-DD) in the tenant's
 * zone; all arithmetic here is on UTC midnights of those dates, so no offset or DST can shift a day.
 *
 * - `week` is Monday to today; `month` and `year` are to date.
 * - `month=YYYY-MM` is the whole month, cut at today for the current month; a future month is an error.
 * - A period never ends after today and never spans more than MAX_PERIOD_DAYS days.
 * - The month of the period is the month of its end: `monthlyAccumulated` covers that month from its
 *   1st to its last day, or to today when it is the current month.
 */
import { isValidDate, localDateTime } from '../dates.js';

export const PERIOD_PRESETS = ['today', 'yesterday', 'week', 'month', 'year', 'range'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Longest period one request may cover (a leap year). */
export const MAX_PERIOD_DAYS = 366;

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface PeriodQuery {
  month?: string | undefined;
  date?: string | undefined;
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

export interface ResolvedPeriod {
  /** YYYY-MM of `endDate`. */
  month: string;
  startDate: string;
  endDate: string;
  /** Days from startDate to endDate, both included. */
  totalDays: number;
  monthStartDate: string;
  monthEndDate: string;
}

export type PeriodErrorCode = 'INVALID_PERIOD' | 'PERIOD_TOO_LONG' | 'FUTURE_DATE';

/** A period the request cannot have; the accounts dialect maps it to a 400 naming `field`. */
export class PeriodError extends Error {
  constructor(
    readonly code: PeriodErrorCode,
    readonly field: keyof PeriodQuery,
    message: string,
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}

const DAY_MS = 86_400_000;

function toEpochDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Days from `start` to `end`, both included (1 for the same day). */
export function daysInclusive(start: string, end: string): number {
  return toEpochDay(end) - toEpochDay(start) + 1;
}

/** The last calendar day of the month of `date` (or of a `YYYY-MM`). */
export function lastDayOfMonth(dateOrMonth: string): string {
  const [y, m] = dateOrMonth.split('-').map(Number) as [number, number];
  return fromEpochDay(Date.UTC(y, m, 0) / DAY_MS);
}

/** The Monday on or before `date` (ISO weeks start on Monday). */
export function mondayOf(date: string): string {
  const weekday = new Date(toEpochDay(date) * DAY_MS).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

const minDate = (a: string, b: string) => (a < b ? a : b);

function presetBounds(preset: PeriodPreset, query: PeriodQuery, today: string): { startDate: string; endDate: string } {
  switch (preset) {
    case 'today':
      return { startDate: today, endDate: today };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { startDate: yesterday, endDate: yesterday };
    }
    case 'week':
      return { startDate: mondayOf(today), endDate: today };
    case 'month':
      return { startDate: `${today.slice(0, 7)}-01`, endDate: today };
    case 'year':
      return { startDate: `${today.slice(0, 4)}-01-01`, endDate: today };
    case 'range':
      return rangeBounds(query, today);
  }
}

function rangeBounds(query: PeriodQuery, today: string): { startDate: string; endDate: string } {
  for (const field of ['fromDate', 'toDate'] as const) {
    const value = query[field];
    if (value === undefined) throw new PeriodError('INVALID_PERIOD', field, `${field} is required with date=range`);
    if (!isValidDate(value)) throw new PeriodError('INVALID_PERIOD', field, `${field} must be a date YYYY-MM-DD`);
  }
  const startDate = query.fromDate!;
  const endDate = query.toDate!;
  if (startDate > endDate) throw new PeriodError('INVALID_PERIOD', 'fromDate', 'fromDate must not be after toDate');
  if (endDate > today) throw new PeriodError('FUTURE_DATE', 'toDate', `toDate must not be after today (${today})`);
  return { startDate, endDate };
}

function monthBounds(month: string, today: string): { startDate: string; endDate: string } {
  if (!MONTH_PATTERN.test(month)) throw new PeriodError('INVALID_PERIOD', 'month', 'month must be YYYY-MM');
  const startDate = `${month}-01`;
  if (startDate > today) throw new PeriodError('FUTURE_DATE', 'month', `month must not be after the current month (${today.slice(0, 7)})`);
  return { startDate, endDate: minDate(lastDayOfMonth(month), today) };
}

function isPreset(value: string): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value);
}

/** The period a query names, at `now` in `timeZone`; throws PeriodError for any query that names none or a bad one. */
export function resolvePeriod(query: PeriodQuery, now: Date, timeZone: string): ResolvedPeriod {
  const today = localDateTime(now, timeZone).date;
  const { month, date } = query;
  if (month !== undefined && date !== undefined) {
    throw new PeriodError('INVALID_PERIOD', 'month', 'month and date are exclusive: send one of them');
  }
  if (date !== undefined && !isPreset(date)) {
    throw new PeriodError('INVALID_PERIOD', 'date', `date must be one of ${PERIOD_PRESETS.join(', ')}`);
  }
  if (date !== 'range') {
    const stray = (['fromDate', 'toDate'] as const).find((field) => query[field] !== undefined);
    if (stray) throw new PeriodError('INVALID_PERIOD', stray, `${stray} is only allowed with date=range`);
  }
  let bounds: { startDate: string; endDate: string };
  if (month !== undefined) bounds = monthBounds(month, today);
  else if (date !== undefined) bounds = presetBounds(date, query, today);
  else throw new PeriodError('INVALID_PERIOD', 'date', 'send month=YYYY-MM or date=today|yesterday|week|month|year|range');

  const totalDays = daysInclusive(bounds.startDate, bounds.endDate);
  if (totalDays > MAX_PERIOD_DAYS) {
    throw new PeriodError('PERIOD_TOO_LONG', 'fromDate', `the period spans ${totalDays} days; the limit is ${MAX_PERIOD_DAYS} days`);
  }
  const periodMonth = bounds.endDate.slice(0, 7);
  return {
    month: periodMonth,
    ...bounds,
    totalDays,
    monthStartDate: `${periodMonth}-01`,
    monthEndDate: minDate(lastDayOfMonth(periodMonth), today),
  };
}
