/** Chilean RUT: body digits and a check digit computed modulo 11 (weights 2..7 from the right). */
export function rutCheckDigit(body: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'K' : String(r);
}

const RUT = /^(\d{1,3}(?:\.?\d{3}){0,2})-?([\dkK])$/;

/** Normalizes `12.345.678-5` / `12345678-5` to `12345678-5`, or returns null if malformed or the check digit is wrong. */
export function normalizeRut(value: string): string | null {
  const match = RUT.exec(value.trim());
  if (!match?.[1] || !match[2]) return null;
  const body = match[1].replace(/\./g, '').replace(/^0+/, '');
  if (body === '') return null;
  const digit = match[2].toUpperCase();
  return rutCheckDigit(body) === digit ? `${body}-${digit}` : null;
}

/** Whether a tax id is written like a RUT (and so must pass the check digit). */
export function looksLikeRut(value: string): boolean {
  return RUT.test(value.trim());
}

export type CanonicalRutResult = { ok: true; rut: string } | { ok: false; reason: 'malformed' | 'wrong_check_digit' };

/** The receivables API's one written form: body digits without dots, a dash, the check digit (`99999999-9`). */
const CANONICAL_RUT = /^([1-9]\d{0,8})-([\dkK])$/;

/**
 * Parses a RUT that must be written exactly `99999999-9` (a lowercase k is read as K). Unlike
 * normalizeRut, it tells a badly written RUT from a wrong check digit, so the 400 can say which.
 */
export function parseCanonicalRut(value: string): CanonicalRutResult {
  const match = CANONICAL_RUT.exec(value);
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' };
  const digit = match[2].toUpperCase();
  if (rutCheckDigit(match[1]) !== digit) return { ok: false, reason: 'wrong_check_digit' };
  return { ok: true, rut: `${match[1]}-${digit}` };
}
