/**
 * How a realm's row and access patterns become item attributes: the row itself (`q_{realm}_row`, the only
 * non-key attribute a search index projects), and per index pattern a partition and a sort
 * attribute. Patterns with the same partition fields share the partition attribute; an item lacking
 * a pattern's field gets no attribute, so the index is sparse.
 */
import type { IndexPattern, Realm, Row } from './types.js';

/** The attribute holding a realm's row (one per realm, so a row is never read as another realm's). */
export const rowAttribute = (realm: Realm) => `q_${realm.name}_row`;
/** Every attribute this module writes starts with it (so readers can strip them). */
export const QUERY_ATTRIBUTE_PREFIX = 'q_';

const attributeName = (realm: Realm, fields: readonly string[]) => `q_${realm.name}_${fields.join('_').replace(/\./g, '_')}`;

/** The fields a pattern's partition is made of; a month bucket counts as the `{sort}_month` field. */
export const partitionFields = (p: IndexPattern) => (p.bucket ? [...p.partition, `${p.sort}_month`] : p.partition);
/** The month bucket of a sort value (`2024-05-31…` → `2024-05`). */
export const monthOf = (value: string) => value.slice(0, 7);

export const partitionAttribute = (realm: Realm, p: IndexPattern) => attributeName(realm, partitionFields(p));
export const sortAttribute = (realm: Realm, p: IndexPattern) => attributeName(realm, [p.sort]);

/** The partition value for the given values of `p.partition` (each encoded so `#` stays a separator). */
export function partitionValue(tenant: string, realm: Realm, p: IndexPattern, values: readonly string[]): string {
  return `T#${tenant}#${realm.name}#${partitionFields(p).join('+')}#${values.map(encodeURIComponent).join('#')}`;
}

/** The row plus the index attributes of every pattern the row has all fields for. */
export function queryAttributes(tenant: string, realm: Realm, row: Row): Record<string, unknown> {
  const attributes: Record<string, unknown> = { [rowAttribute(realm)]: row };
  for (const p of realm.patterns) {
    if (p.kind !== 'index') continue;
    const values = p.partition.map((field) => row[field]);
    const sort = row[p.sort];
    if (values.some((v) => v === undefined) || sort === undefined) continue;
    const bucket = p.bucket ? [monthOf(String(sort))] : [];
    attributes[partitionAttribute(realm, p)] = partitionValue(tenant, realm, p, [...values.map(String), ...bucket]);
    attributes[sortAttribute(realm, p)] = String(sort);
  }
  return attributes;
}

export interface SearchIndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  projection: { include: readonly string[] };
}

/** The GSIs the catalogue needs, for the table definition. */
export function searchIndexes(realms: readonly Realm[]): SearchIndexDefinition[] {
  return realms.flatMap((realm) =>
    realm.patterns.flatMap((p) =>
      p.kind === 'index'
        ? [{ name: p.index, partitionKey: partitionAttribute(realm, p), sortKey: sortAttribute(realm, p), projection: { include: [rowAttribute(realm)] } }]
        : [],
    ),
  );
}
