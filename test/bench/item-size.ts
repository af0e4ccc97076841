/**
 * DynamoDB item sizes and write units, by the documented rules
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * an item is the sum of its attribute names' UTF-8 lengths and their values' sizes; a string is its
 * UTF-8 length, a number (ceil(significant digits / 2) + 1) bytes, a boolean or null 1 byte, a list or
 * map 3 bytes plus 1 per element plus its elements (a map element also its name). One write unit
 * per started KB; transactional writes cost 2 per started KB.
 */

export function numberSize(value: number | bigint | string): number {
  // Digits only: sign, decimal point, exponent and leading/trailing zeros are not stored as digits.
  const mantissa = String(value).toLowerCase().replace(/^-/, '').split('e')[0]!;
  const significant = mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, significant.length) / 2) + 1;
}

export function valueSize(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(value);
  if (typeof value === 'boolean') return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    // NumberValue of lib-dynamodb keeps the digits as a string.
    const maybeNumber = value as { value?: unknown; toString(): string };
    if (value.constructor?.name === 'NumberValue' && typeof maybeNumber.value === 'string') return numberSize(maybeNumber.value);
    return (
      3 +
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k, 'utf8') + valueSize(v), 0)
    );
  }
  return 0;
}

/** Size in bytes of a document-client item (attribute names + values); undefined attributes are not stored. */
export function itemSize(item: Record<string, unknown> | undefined): number {
  if (!item) return 0;
  return Object.entries(item)
    .filter(([, v]) => v !== undefined)
    .reduce((sum, [name, v]) => sum + Buffer.byteLength(name, 'utf8') + valueSize(v), 0);
}

export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
export const transactionalWriteUnits = (bytes: number) => 2 * writeUnits(bytes);
