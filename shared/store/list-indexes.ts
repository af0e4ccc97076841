/**
 * The table's list indexes (./table.ts adds the search indexes of the query catalogue): a module of
 * its own so the paged lists read them without every bundle carrying the catalogue.
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** `include`: the keys plus the named attributes (search indexes project the row only). */
  projection: 'ALL' | 'KEYS_ONLY' | { include: readonly string[] };
}

export const LIST_INDEXES: readonly IndexDefinition[] = [
  /** Overloaded lookups: parties of a tenant by kind, charges of a party, payments of a work order or entity. */
  { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
  /** Second overloaded lookup: children of a parent party, charges of a tenant by kind. */
  { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
  /** Sparse and keys-only: page skipping for offset-paginated lists (workorders `page`). */
  { name: 'pages', partitionKey: 'pagepk', sortKey: 'pagesk', projection: 'KEYS_ONLY' },
];
