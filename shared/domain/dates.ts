/** Business dates and times in a tenant's time zone. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isValidDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) at `instant` in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = wallClockParts(instant, timeZone);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The wall-clock timestamp `YYYY-MM-DD HH:mm:ss` at `instant` in `timeZone` (receivables' createdAt). */
export function localTimestamp(instant: Date, timeZone: string): string {
  const parts = wallClockParts(instant, timeZone);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function wallClockParts(instant: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
}

export type FutureCheck = 'ok' | 'future_date' | 'future_time';

/** Whether a business date (and time) lies in the future for the tenant at `now`. */
export function checkNotFuture(date: string, time: string | undefined, now: Date, timeZone: string): FutureCheck {
  const today = localDateTime(now, timeZone);
  if (date > today.date) return 'future_date';
  if (date === today.date && time !== undefined && time > today.time) return 'future_time';
  return 'ok';
}

/** The first instant of a local date in a time zone (its midnight; past a DST gap, the first instant after it). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const target = Date.parse(`${date}T00:00:00Z`);
  let instant = target;
  // The zone's offset at the instant found so far moves it onto local midnight; offsets settle in two steps.
  for (let i = 0; i < 3; i++) {
    const local = Date.parse(`${localTimestamp(new Date(instant), timeZone).replace(' ', 'T')}Z`);
    if (local === target) break;
    instant += target - local;
  }
  return new Date(instant);
}
