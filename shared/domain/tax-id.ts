import { looksLikeRut, normalizeRut } from './rut.js';

/**
 * A tax id as stored: a value written as a Chilean RUT (`12.345.678-5`, `12345678-5`, `12345678K`)
 * must carry the right check digit and is stored normalized (`12345678-5`). Other ids (RUC, RFC,
 * plain digit strings such as a DNI, which a RUT pattern cannot tell apart) are kept as written.
 */
export function normalizeTaxId(value: string): { ok: true; value: string } | { ok: false } {
  const trimmed = value.trim();
  const writtenAsRut = looksLikeRut(trimmed) && (/[-.]/.test(trimmed) || /k$/i.test(trimmed));
  if (!writtenAsRut) return { ok: true, value: trimmed };
  const rut = normalizeRut(trimmed);
  return rut ? { ok: true, value: rut } : { ok: false };
}
