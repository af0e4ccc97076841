/**
 * Least privilege, locally: the mapping of store operations to DynamoDB actions (shared/store/permissions.ts)
 * and the guard that enforces a route's `store` while its handler runs (lib/local/gateway/store-guard.ts),
 * against DynamoDB Local.
 */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Route } from '../../functions/routes.js';
import { asRoute } from '../../lib/local/gateway/store-guard.js';
import { db, tableName } from '../../shared/store/client.js';
import { actionsOfRequest, tablePolicyStatements } from '../../shared/store/permissions.js';
import { TABLE } from '../../shared/store/table.js';

const route = (store: Route['store']): Route => ({ method: 'POST', path: '/guarded', handler: 'system/guarded', roles: ['ADMIN'], store });
const key = () => ({ pk: `GUARD#${Math.random()}`, sk: 'ITEM' });

describe('store permissions', () => {
  it('maps operations to item actions on the table and Query on the table and every index by name', () => {
    expect(tablePolicyStatements(['write', 'read'], 'arn:t')).toEqual([
      { actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'], resources: ['arn:t'] },
    ]);
    expect(tablePolicyStatements(['query'], 'arn:t')).toEqual([
      { actions: ['dynamodb:Query'], resources: ['arn:t'] },
      { actions: ['dynamodb:Query'], resources: TABLE.indexes.map((i) => `arn:t/index/${i.name}`) },
    ]);
    expect(tablePolicyStatements([], 'arn:t')).toEqual([]);
  });

  it('authorizes a transaction by the actions of its items', () => {
    const items = [{ Put: {} }, { Update: {} }, { ConditionCheck: {} }, { Put: {} }];
    expect(actionsOfRequest('TransactWriteItems', { TransactItems: items })).toEqual(['PutItem', 'UpdateItem', 'ConditionCheckItem']);
    expect(actionsOfRequest('TransactWriteItems', { TransactItems: [{ Delete: {} }] })).toEqual(['DeleteItem']);
    expect(actionsOfRequest('Scan', {})).toEqual(['Scan']);
  });
});

describe('local store guard', () => {
  it("refuses a request outside the route's operations with AccessDeniedException, and writes nothing", async () => {
    const item = key();
    const put = () => db().send(new PutCommand({ TableName: tableName(), Item: item }));
    await expect(asRoute(route(['read']), put)).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const transaction = () => db().send(new TransactWriteCommand({ TransactItems: [{ Delete: { TableName: tableName(), Key: item } }] }));
    await expect(asRoute(route(['read', 'write']), transaction)).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: item }));
    expect(Item).toBeUndefined();
  });

  it('lets the named operations through, and code outside a handler unchecked', async () => {
    const item = key();
    await asRoute(route(['read', 'write']), () => db().send(new PutCommand({ TableName: tableName(), Item: item })));
    const read = await asRoute(route(['read']), () => db().send(new GetCommand({ TableName: tableName(), Key: item })));
    expect(read.Item).toEqual(item);
    await db().send(new TransactWriteCommand({ TransactItems: [{ Delete: { TableName: tableName(), Key: item } }] }));
    expect((await db().send(new GetCommand({ TableName: tableName(), Key: item }))).Item).toBeUndefined();
  });
});
