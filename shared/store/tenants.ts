/**
 * Tenant settings: one item per tenant (keys.tenant), read on every authenticated request (the HTTP
 * pipeline's tenant check) and so cached per warm process for SETTINGS_CACHE_MS. A tenant that was
 * never created has no item: callers get `undefined` (the pipeline answers 401), never defaults.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { settled, type TenantSettings } from '../domain/tenants.js';
import { Conflict, Unauthenticated } from '../ledger/errors.js';
import { type Actor, auditEntry, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { getItem } from './items.js';
import { keys } from './keys.js';
import { ConditionFailed, transact, type TransactItem, type TxItems } from './tx.js';

export type { TenantSettings };

/** How long a warm function keeps a tenant's settings: a change made elsewhere is seen within this. */
export const SETTINGS_CACHE_MS = 30_000;
/** The audit trail of a tenant's settings (`GET /ledger/audit?entityId=tenant-settings`). */
export const SETTINGS_ENTITY_ID = 'tenant-settings';
const SETTINGS_ITEM = 'tenant';

const cache = new Map<string, { settings: TenantSettings; until: number }>();

/** The settings as stored (a pending time-zone change included), or undefined for an unknown tenant. */
export async function readTenantSettings(tenant: string, consistent = false): Promise<TenantSettings | undefined> {
  return getItem<TenantSettings>(keys.tenant(tenant), consistent);
}

/**
 * The tenant's settings in force at `now` (a scheduled time zone applied once its day has come), from
 * the cache when fresh: one key read per tenant per SETTINGS_CACHE_MS. Unknown tenants are not
 * cached, so a tenant is served as soon as it is created.
 */
export async function findTenantSettings(tenant: string, now = new Date()): Promise<TenantSettings | undefined> {
  const hit = cache.get(tenant);
  let stored = hit && hit.until > Date.now() ? hit.settings : undefined;
  if (!stored) {
    stored = await readTenantSettings(tenant);
    if (!stored) return undefined;
    cache.set(tenant, { settings: stored, until: Date.now() + SETTINGS_CACHE_MS });
  }
  return settled(stored, now);
}

/** As findTenantSettings, for use cases: the pipeline has already refused unknown tenants (401). */
export async function tenantSettings(tenant: string, now = new Date()): Promise<TenantSettings> {
  const settings = await findTenantSettings(tenant, now);
  if (!settings) throw new Unauthenticated('Unknown tenant');
  return settings;
}

const settingsItem = (settings: TenantSettings) => ({ ...keys.tenant(settings.id), type: 'TENANT', tenant: settings.id, ...settings });

function remember(settings: TenantSettings): void {
  cache.set(settings.id, { settings, until: Date.now() + SETTINGS_CACHE_MS });
}

/** Creates a tenant with its audit entry; false when a tenant with this id already exists. */
export async function createTenantSettings(actor: Actor, settings: TenantSettings): Promise<boolean> {
  try {
    await transact([
      [SETTINGS_ITEM, { Put: { TableName: tableName(), Item: settingsItem(settings), ConditionExpression: 'attribute_not_exists(pk)' } }],
      ['audit', putAudit(settings.id, auditEntry(actor, 'TENANT_CREATED', 'TENANT', SETTINGS_ENTITY_ID, { after: settings }, settings.createdAt))],
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.on(SETTINGS_ITEM)) return false;
    throw error;
  }
  remember(settings);
  return true;
}

/**
 * Replaces `before` with `after` if nobody changed it meanwhile, with an audit entry (`details` says
 * what a reader of the trail should know, e.g. when a new time zone applies). A lost race fails the
 * condition of the item named 'tenant' (store/tx `optimistic`).
 */
export async function replaceTenantSettings(actor: Actor, before: TenantSettings, after: TenantSettings, details?: Record<string, unknown>): Promise<void> {
  await transact([
    [
      SETTINGS_ITEM,
      {
        Put: {
          TableName: tableName(),
          Item: settingsItem(after),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': before.version },
        },
      },
    ],
    ['audit', putAudit(after.id, auditEntry(actor, 'TENANT_SETTINGS_UPDATED', 'TENANT', SETTINGS_ENTITY_ID, { before, after, ...(details ? { details } : {}) }, after.updatedAt))],
  ], 1);
  remember(after);
}

/** The transaction item name of the settings (what a failed version condition reports). */
export const TENANT_SETTINGS_ITEM = SETTINGS_ITEM;

const MONEY_MARK = 'tenant-money';

/**
 * Writes a tenant's money (`write` puts `mark` in its transaction): the first payments of a tenant
 * also mark it as holding money, so its currency is fixed from then on. The mark is on the
 * condition that the currency is still the one the payment was recorded in, and it bumps the
 * settings' version so a concurrent settings change cannot undo it. Once the cached settings show
 * the mark (this process at once, others within SETTINGS_CACHE_MS), payments carry no mark.
 */
export async function recordingMoney<T>(settings: TenantSettings, at: string, write: (mark: TxItems) => Promise<T>): Promise<T> {
  if (settings.moneySince !== undefined) return write([]);
  const mark: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.tenant(settings.id),
      UpdateExpression: 'SET moneySince = if_not_exists(moneySince, :at) ADD version :one',
      ConditionExpression: 'currency = :currency',
      ExpressionAttributeValues: { ':at': at, ':one': 1, ':currency': settings.currency },
    },
  };
  let result: T;
  try {
    result = await write([[MONEY_MARK, mark]]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.on(MONEY_MARK)) throw new Conflict('The tenant currency changed meanwhile; retry');
    throw error;
  }
  const hit = cache.get(settings.id);
  if (hit) remember({ ...hit.settings, moneySince: hit.settings.moneySince ?? at });
  return result;
}

/** Writes settings as given, replacing what is there: the demo seed's and test fixtures' tenants. */
export async function putTenantSettings(settings: TenantSettings): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: settingsItem(settings) }));
  cache.delete(settings.id);
}
