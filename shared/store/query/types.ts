/**
 * The vocabulary of Caja's query planner: typed predicates over a realm's *row* (the small map of
 * filterable values every searchable item carries and every search index projects), sorts, and the
 * access patterns a realm declares. Pure types, no I/O: dialects parse their own syntax into these.
 */
export const OPERATIONS = [
  'EXISTS',
  'EQUAL',
  'NOT_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL_TO',
  'IN',
  'NOT_IN',
  'CONTAINS',
  'CONTAINS_IGNORE_CASE',
  'STARTS_WITH',
  'ENDS_WITH',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const RANGE_OPERATIONS = ['EQUAL', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_OR_EQUAL_TO'] as const;

/**
 * How a row value compares. `date`: ISO 8601 UTC with milliseconds (`2025-01-01T03:00:00.000Z`),
 * so string order is time order; `decimal`: a decimal string compared exactly; `id`: decimal digits
 * compared as integers; `string`: code-point order; `boolean`: false < true.
 */
export type FieldType = 'string' | 'id' | 'decimal' | 'date' | 'boolean';

/** A row value: always a string or a boolean (absent fields are simply missing from the row). */
export type RowValue = string | boolean;
export type Row = Readonly<Record<string, RowValue | undefined>>;

export type Predicate =
  | { field: string; op: 'EXISTS'; value: boolean }
  | { field: string; op: 'IN' | 'NOT_IN'; value: readonly RowValue[] }
  | { field: string; op: Exclude<Operation, 'EXISTS' | 'IN' | 'NOT_IN'>; value: RowValue };

export interface Sort {
  field: string;
  direction: 'ascending' | 'descending';
}

/**
 * One access pattern: a GSI whose partition is made of the EQUAL/IN values of `partition` fields and
 * whose sort key is the `sort` field. The index projects the row only (plus keys), so the planner
 * evaluates residual predicates and sorts on index entries and reads full items for one page.
 */
export interface IndexPattern {
  kind: 'index';
  /** The GSI name (also its name in CDK and DynamoDB Local). */
  index: string;
  partition: readonly string[];
  sort: string;
  /** The minimum combination this pattern serves needs a range on `sort` (e.g. collector + request_date). */
  sortRequired: boolean;
  /**
   * Also partition by the month of `sort` (its first 7 characters: `YYYY-MM`), so a tenant-wide
   * pattern never grows one hot partition: the planner expands the months of the sort range like an
   * IN list, so the pattern needs both bounds. It reads a whole range of the tenant, so the planner
   * takes it only when no other pattern applies.
   */
  bucket?: 'month';
  /**
   * Keep counts of the pattern's entries by day of `sort` (an aggregate tree per partition, ./counts.ts),
   * so a search served by it that sorts on `sort` with no other residual filter takes its total and
   * page N from the counts: its cost no longer grows with the partition's history. `shards`: how many
   * roots writers spread over (a tenant-wide partition is written by every payment).
   */
  counted?: { shards: number };
}

/** Items read by primary key: the EQUAL/IN values of `field` are item ids (GetItem/BatchGet). */
export interface KeyPattern {
  kind: 'key';
  field: string;
  /** Other fields that must be constrained by EQUAL/IN for the pattern to apply (e.g. collector). */
  alongWith: readonly string[];
}

export type AccessPattern = IndexPattern | KeyPattern;

/** A searchable realm: an entity type, its row schema and its access patterns, best first. */
export interface Realm {
  name: string;
  /** The row's fields and how each compares; also what each index projects. */
  fields: Readonly<Record<string, FieldType>>;
  /** The row field holding the item's id (tie-breaker and key lookups). */
  idField: string;
  patterns: readonly AccessPattern[];
  /** The base-table key of an item of this realm. */
  itemKey(tenant: string, id: string): { pk: string; sk: string };
}
