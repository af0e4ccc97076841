/** Chilean SII tax document types (códigos de tipo de DTE) that receivables accepts as documents. */
export const SII_DOCUMENT_TYPES = {
  '33': 'Factura electrónica',
  '34': 'Factura no afecta o exenta electrónica',
  '39': 'Boleta electrónica',
  '41': 'Boleta exenta electrónica',
  '56': 'Nota de débito electrónica',
  '61': 'Nota de crédito electrónica',
} as const;

export type SiiDocumentCode = keyof typeof SII_DOCUMENT_TYPES;
export const SII_DOCUMENT_CODES = Object.keys(SII_DOCUMENT_TYPES) as SiiDocumentCode[];

/** Reads a code sent as a JSON number (33) or string ("33"); null when it is not one of the accepted types. */
export function parseSiiDocumentCode(value: unknown): SiiDocumentCode | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  return typeof text === 'string' && Object.hasOwn(SII_DOCUMENT_TYPES, text) ? (text as SiiDocumentCode) : null;
}
