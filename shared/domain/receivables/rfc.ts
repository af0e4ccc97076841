/**
 * Mexican RFC (Registro Federal de Contribuyentes), checked by format only: 3 letters (persona
 * moral) or 4 (persona física), where a letter may also be Ñ or &; a YYMMDD date; a 3-character
 * homoclave. The homoclave's last character is a check digit, but SAT has issued RFCs whose digit
 * does not verify, so rejecting on it would refuse real payers.
 */
export type RfcKind = 'moral' | 'fisica' | 'generic_national' | 'generic_foreign';

export type RfcResult = { ok: true; rfc: string; kind: RfcKind } | { ok: false; reason: 'malformed' | 'invalid_date' };

/** SAT's generic RFCs: the general public (nationals) and foreign residents without an RFC. */
export const GENERIC_RFC_NATIONAL = 'XAXX010101000';
export const GENERIC_RFC_FOREIGN = 'XEXX010101000';

const RFC = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z\d]{2}[\dA])$/u;

/** Parses an RFC (trimmed, upper-cased: CFDI writes them upper-case, people may not). */
export function parseRfc(value: string): RfcResult {
  const rfc = value.trim().toUpperCase();
  if (rfc === GENERIC_RFC_NATIONAL) return { ok: true, rfc, kind: 'generic_national' };
  if (rfc === GENERIC_RFC_FOREIGN) return { ok: true, rfc, kind: 'generic_foreign' };
  const match = RFC.exec(rfc);
  if (!match?.[1]) return { ok: false, reason: 'malformed' };
  if (!isValidYymmdd(Number(match[2]), Number(match[3]), Number(match[4]))) return { ok: false, reason: 'invalid_date' };
  return { ok: true, rfc, kind: match[1].length === 3 ? 'moral' : 'fisica' };
}

/** A two-digit year is 19YY or 20YY; both are leap exactly when YY is a multiple of 4 (1900 aside: 00 is 2000). */
function isValidYymmdd(yy: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}
