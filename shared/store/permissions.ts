/**
 * Least privilege, store side: the operations a route may name (functions/routes.ts `store`) and the
 * DynamoDB actions and resources each one needs. The CDK stack grants every function exactly the
 * union for its route (lib/constructs/endpoint-function.ts); locally, lib/local/store-guard.ts refuses
 * a command the route did not name, the way IAM would on AWS.
 *
 * There is no operation for Scan or BatchWriteItem: no request path may use them (SPEC §1). Add one here
 * the day a route needs it, and name it on that route only.
 */
import { TABLE } from './table.js';

export const STORE_OPERATIONS = ['read', 'query', 'write', 'delete'] as const;
export type StoreOperation = (typeof STORE_OPERATIONS)[number];

interface OperationGrant {
  /** IAM actions, without the `dynamodb:` prefix. */
  actions: readonly string[];
  /** Whether the grant also covers the table's GSIs (by their ARNs, never `index/*`), besides the table. */
  indexes: boolean;
}

/**
 * Transactions have no IAM action of their own: TransactWriteItems is authorized item by item
 * (Put → PutItem, Update → UpdateItem, ConditionCheck → ConditionCheckItem, Delete → DeleteItem) and
 * TransactGetItems by GetItem. So a route that writes through transactions names 'write' (and
 * 'delete' only if one of its transactions removes an item).
 */
export const STORE_PERMISSIONS: Record<StoreOperation, OperationGrant> = {
  /** Key reads: GetItem, BatchGetItem (and TransactGetItems). */
  read: { actions: ['GetItem', 'BatchGetItem'], indexes: false },
  /** Queries on the table and on its GSIs (shared/store/table.ts). */
  query: { actions: ['Query'], indexes: true },
  /** Conditional puts and updates, alone or in transactions, and the condition checks of transactions. */
  write: { actions: ['PutItem', 'UpdateItem', 'ConditionCheckItem'], indexes: false },
  /** Hard deletes (soft deletes are updates). */
  delete: { actions: ['DeleteItem'], indexes: false },
};

export interface TablePolicyStatement {
  actions: string[];
  resources: string[];
}

/**
 * The IAM statements a function with these operations needs on the table whose ARN is `tableArn`
 * (a literal or a CDK token): one for the table itself, one for its indexes when a query is named.
 */
export function tablePolicyStatements(operations: readonly StoreOperation[], tableArn: string): TablePolicyStatement[] {
  const unique = [...new Set(operations)].sort((a, b) => STORE_OPERATIONS.indexOf(a) - STORE_OPERATIONS.indexOf(b));
  const onTable = unique.flatMap((op) => STORE_PERMISSIONS[op].actions);
  const onIndexes = unique.filter((op) => STORE_PERMISSIONS[op].indexes).flatMap((op) => STORE_PERMISSIONS[op].actions);
  const iam = (actions: readonly string[]) => actions.map((a) => `dynamodb:${a}`);
  const statements: TablePolicyStatement[] = [];
  if (onTable.length > 0) statements.push({ actions: iam(onTable), resources: [tableArn] });
  if (onIndexes.length > 0) statements.push({ actions: iam(onIndexes), resources: TABLE.indexes.map((i) => `${tableArn}/index/${i.name}`) });
  return statements;
}

/** Names of the single-item requests inside TransactWriteItems, and the IAM action each needs. */
const TRANSACT_ITEM_ACTIONS: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', ConditionCheck: 'ConditionCheckItem', Delete: 'DeleteItem' };
const TRANSACT_GET_ACTIONS: Record<string, string> = { Get: 'GetItem' };

/**
 * The IAM actions one DynamoDB request needs (`GetItem`, or the item actions of a transaction), from
 * its operation name and input: what the local guard checks against a route's grant.
 */
export function actionsOfRequest(operation: string, input: Record<string, unknown>): string[] {
  const items = (input.TransactItems ?? []) as Record<string, unknown>[];
  const itemActions = (table: Record<string, string>) => [...new Set(items.flatMap((item) => Object.keys(item).map((k) => table[k] ?? k)))];
  if (operation === 'TransactWriteItems') return itemActions(TRANSACT_ITEM_ACTIONS);
  if (operation === 'TransactGetItems') return itemActions(TRANSACT_GET_ACTIONS);
  return [operation];
}

/** Every IAM action (without prefix) the operations grant, for checks outside CDK. */
export function grantedActions(operations: readonly StoreOperation[]): Set<string> {
  return new Set(operations.flatMap((op) => STORE_PERMISSIONS[op].actions));
}
