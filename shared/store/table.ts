/**
 * The one table definition: CDK deploys it and the local stack creates it in DynamoDB Local.
 * Key design and access patterns are documented in ./keys.ts; the search indexes come from the
 * query catalogue (./query/catalogue.ts).
 */
import { CATALOGUE } from './query/catalogue.js';
import { searchIndexes } from './query/attributes.js';
import { type IndexDefinition, LIST_INDEXES } from './list-indexes.js';

export type { IndexDefinition } from './list-indexes.js';

export const TTL_ATTRIBUTE = 'expiresAt';

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: TTL_ATTRIBUTE,
  indexes: [
    ...LIST_INDEXES,
    /** Search access patterns of the query planner (gateway `GET /pagos`, …), one GSI per pattern. */
    ...searchIndexes(CATALOGUE),
  ] as IndexDefinition[],
} as const;

/** A GSI projection as DynamoDB's API (and CloudFormation) spells it. */
export function projectionOf(index: IndexDefinition): { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] } {
  const { projection } = index;
  return typeof projection === 'string' ? { ProjectionType: projection } : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.include] };
}

/** CreateTable input for DynamoDB Local, derived from TABLE. */
export function createTableInput(tableName: string) {
  const attributes = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const index of TABLE.indexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: projectionOf(index),
    })),
  };
}
