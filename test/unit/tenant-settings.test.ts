/** The tenant settings rules: country and zone checks, a time-zone change that waits for the next day and never steps the business date back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateTime } from '../../shared/domain/dates.js';
import { isCountryCode, isTimeZone, scheduleTimeZone, settled, timeZoneAt } from '../../shared/domain/tenants.js';

/** Zones less than 24 h apart (Kiritimati +14 to Mexico City −6): further apart, some day must repeat. */
const ZONES = ['America/Costa_Rica', 'America/Lima', 'America/Santiago', 'America/Mexico_City', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Europe/Madrid', 'UTC'];

describe('tenant profile checks', () => {
  it('knows ISO country codes and IANA zones', () => {
    expect(['PE', 'CR', 'CL', 'MX', 'US'].every(isCountryCode)).toBe(true);
    expect(['XX', 'ZZ', 'pe', 'PER', '', 'AA'].some(isCountryCode)).toBe(false);
    expect(['America/Lima', 'Asia/Tokyo', 'America/Argentina/Buenos_Aires'].every(isTimeZone)).toBe(true);
    expect(['Mars/Olympus', 'UTC+5', 'lima', ''].some(isTimeZone)).toBe(false);
  });
});

describe('a scheduled time zone', () => {
  const at = (iso: string) => new Date(iso);

  it('starts on the next day of the zone in force, and not before both zones reached it', () => {
    const settings = scheduleTimeZone({ timeZone: 'Asia/Tokyo' }, 'America/Lima', at('2026-03-10T12:00:00Z'));
    expect(settings).toEqual({ timeZone: 'Asia/Tokyo', nextTimeZone: { timeZone: 'America/Lima', from: '2026-03-11' } });
    // Tokyo reaches the 11th at 15:00Z on the 10th, Lima only at 05:00Z on the 11th.
    expect(timeZoneAt(settings, at('2026-03-10T16:00:00Z'))).toBe('Asia/Tokyo');
    expect(timeZoneAt(settings, at('2026-03-11T05:00:00Z'))).toBe('America/Lima');
    expect(settled(settings, at('2026-03-12T00:00:00Z'))).toEqual({ timeZone: 'America/Lima' });
  });

  it('never moves the business date back, whatever the zones and the moment of the change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        (from, to, changedAt) => {
          const settings = scheduleTimeZone({ timeZone: from }, to, new Date(changedAt));
          let previous = '';
          for (let t = changedAt; t < changedAt + 4 * 86_400_000; t += 1_800_000) {
            const zone = timeZoneAt(settings, new Date(t));
            const date = localDateTime(new Date(t), zone).date;
            if (date < previous) return false;
            previous = date;
          }
          return timeZoneAt(settings, new Date(changedAt + 4 * 86_400_000)) === to;
        },
      ),
      { numRuns: 200 },
    );
  });
});
