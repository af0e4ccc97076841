/**
 * Predicates and sorts evaluated on rows, in memory: the same code answers residual filters on
 * index entries and on items read by key, so every operation behaves the same whatever index
 * served the search. Semantics (documented in the README):
 * - a field absent from the row fails every operation except NOT_EQUAL, NOT_IN and EXISTS false;
 * - decimals compare exactly (no float), ids as integers, dates as instants, strings by code point;
 * - in sorts an absent value counts as the smallest.
 */
import type { FieldType, Predicate, Row, RowValue, Sort } from './types.js';

/** A decimal string as an exact fraction digits/10^scale. */
function decimalParts(value: string): { digits: bigint; scale: number } {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = BigInt(whole + fraction);
  return { digits: negative ? -digits : digits, scale: fraction.length };
}

function compareDecimals(a: string, b: string): number {
  const x = decimalParts(a);
  const y = decimalParts(b);
  const scale = Math.max(x.scale, y.scale);
  const left = x.digits * 10n ** BigInt(scale - x.scale);
  const right = y.digits * 10n ** BigInt(scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

const sign = (a: string | number | bigint, b: string | number | bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders two present values of one field type. */
export function compareValues(type: FieldType, a: RowValue, b: RowValue): number {
  switch (type) {
    case 'decimal':
      return compareDecimals(String(a), String(b));
    case 'id':
      return sign(BigInt(String(a)), BigInt(String(b)));
    case 'boolean':
      return sign(Number(a === true), Number(b === true));
    default:
      return sign(String(a), String(b));
  }
}

const equal = (type: FieldType, a: RowValue, b: RowValue) => compareValues(type, a, b) === 0;

export function matches(row: Row, predicate: Predicate, type: FieldType): boolean {
  const value = row[predicate.field];
  if (predicate.op === 'EXISTS') return (value !== undefined) === predicate.value;
  if (value === undefined) return predicate.op === 'NOT_EQUAL' || predicate.op === 'NOT_IN';
  switch (predicate.op) {
    case 'IN':
      return predicate.value.some((v) => equal(type, value, v));
    case 'NOT_IN':
      return !predicate.value.some((v) => equal(type, value, v));
    case 'EQUAL':
      return equal(type, value, predicate.value);
    case 'NOT_EQUAL':
      return !equal(type, value, predicate.value);
    case 'GREATER_THAN':
      return compareValues(type, value, predicate.value) > 0;
    case 'GREATER_THAN_OR_EQUAL_TO':
      return compareValues(type, value, predicate.value) >= 0;
    case 'LESS_THAN':
      return compareValues(type, value, predicate.value) < 0;
    case 'LESS_THAN_OR_EQUAL_TO':
      return compareValues(type, value, predicate.value) <= 0;
    case 'CONTAINS':
      return String(value).includes(String(predicate.value));
    case 'CONTAINS_IGNORE_CASE':
      return String(value).toLowerCase().includes(String(predicate.value).toLowerCase());
    case 'STARTS_WITH':
      return String(value).startsWith(String(predicate.value));
    case 'ENDS_WITH':
      return String(value).endsWith(String(predicate.value));
  }
}

/** A comparator for rows: the sorts in order, then the id ascending so every order is total. */
export function rowOrder(fields: Readonly<Record<string, FieldType>>, sorts: readonly Sort[], idField: string) {
  const keys = [...sorts, { field: idField, direction: 'ascending' as const }];
  return (a: Row, b: Row): number => {
    for (const { field, direction } of keys) {
      const x = a[field];
      const y = b[field];
      const order = x === undefined ? (y === undefined ? 0 : -1) : y === undefined ? 1 : compareValues(fields[field] ?? 'string', x, y);
      if (order !== 0) return direction === 'ascending' ? order : -order;
    }
    return 0;
  };
}
