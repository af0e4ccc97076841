/**
 * Gateway (seed 002) date inputs, parsed to the canonical instant (ISO 8601 UTC with milliseconds,
 * which sorts as time): filters use `yyyyMMdd'T'HHmmssSSSZ` or `yyyyMMdd'T'HHmmssZ`
 * (`20250101T000000000-0300`), bodies use the response format `yyyy-MM-dd'T'HH:mm:ssZ`
 * (`2025-01-01T10:00:00-0300`) or ISO 8601 with an offset or `Z`.
 */
const FILTER_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?([+-])(\d{2})(\d{2})$/;
const BODY_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

function instant(parts: {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  millis?: string | undefined;
  sign: string;
  offsetHours: string;
  offsetMinutes: string;
}): string | undefined {
  const [y, mo, d, h, mi, s] = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number) as number[];
  const ms = Number((parts.millis ?? '0').padEnd(3, '0'));
  const oh = Number(parts.offsetHours);
  const om = Number(parts.offsetMinutes);
  if (h! > 23 || mi! > 59 || s! > 59 || oh > 18 || om > 59) return undefined;
  const local = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms);
  const check = new Date(local);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d || y! < 1000) return undefined;
  const offset = (parts.sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return new Date(local - offset).toISOString();
}

/** A filter date (`20250101T000000000-0300` or `20250101T000000-0300`) as an ISO UTC instant, or undefined. */
export function parseFilterDate(value: string): string | undefined {
  // An unencoded `+` in a query string arrives as a space: `20250101T000000 0530` means +0530.
  const m = FILTER_DATE.exec(value.replace(/ (\d{4})$/, '+$1'));
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, millis, sign, offsetHours, offsetMinutes] = m as unknown as string[];
  return instant({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second!, millis, sign: sign!, offsetHours: offsetHours!, offsetMinutes: offsetMinutes! });
}

/** A body date (`2025-01-01T10:00:00-0300`, `2025-01-01T13:00:00.000Z`, `…+01:00`) as an ISO UTC instant, or undefined. */
export function parseBodyDate(value: string): string | undefined {
  const m = BODY_DATE.exec(value);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, millis, zulu, sign, offsetHours, offsetMinutes] = m as unknown as (string | undefined)[];
  return instant({
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
    second: second!,
    millis,
    sign: zulu ? '+' : sign!,
    offsetHours: zulu ? '00' : offsetHours!,
    offsetMinutes: zulu ? '00' : offsetMinutes!,
  });
}
