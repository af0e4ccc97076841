/** Gateway response dates: `yyyy-MM-dd'T'HH:mm:ssZ` in the tenant's time zone (`2025-01-01T10:00:00-0300`). */
const formatters = new Map<string, Intl.DateTimeFormat>();
const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
};
const formatter = (timeZone: string) =>
  formatters.get(timeZone) ?? formatters.set(timeZone, new Intl.DateTimeFormat('en-CA', { ...OPTIONS, timeZone })).get(timeZone)!;

export function formatGatewayDate(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  // longOffset reads "GMT-03:00", or "GMT" at UTC.
  const offset = /GMT([+-]\d{2}):(\d{2})/.exec(parts.timeZoneName ?? '');
  const zone = offset ? `${offset[1]}${offset[2]}` : '+0000';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${zone}`;
}
