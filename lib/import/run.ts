/**
 * Imports checked rows (./rows.ts) into a tenant through the use cases the API runs: a party is
 * `createParty` (ledger), an opening balance `setOpeningBalance` (ledger), a day's activity
 * `setActivity` (accounts), a payment `recordAccountPayment` (accounts). Each of those is one transaction, so a row lands whole or not
 * at all; a refused row is reported with its use case's reason code and the import goes on.
 *
 * Re-running the same file writes nothing twice:
 * - a party is known by its kind and externalId: one that exists is "already imported";
 * - an opening balance equal to the one set is "already imported" (another amount or date replaces it);
 * - a day's activity equal to the day's figures is "already imported" (other figures replace them);
 * - a payment carries the idempotency key `import:{rowKey}` (its `id` column, or its content hash),
 *   kept for good: its replay answers the first payment, "already imported"; the same key with
 *   other content is refused (IDEMPOTENCY_KEY_REUSED).
 */
import type { Principal } from '../../shared/auth/principal.js';
import { DIMENSION_FIELD } from '../../shared/domain/account-scope.js';
import { toMinorUnits } from '../../shared/domain/money.js';
import type { Party } from '../../shared/domain/parties.js';
import { DIRECTION } from '../../shared/dialects/accounts/render.js';
import { setOpeningBalance } from '../../shared/ledger/accounts/opening-balance.js';
import { activityFigures, setActivity, type SetActivityCommand } from '../../shared/ledger/accounts/set-activity.js';
import { recordAccountPayment } from '../../shared/ledger/accounts/record-account-payment.js';
import { actorOf } from '../../shared/ledger/context.js';
import { DomainError, NotFound } from '../../shared/ledger/errors.js';
import { createParty } from '../../shared/ledger/parties/create-party.js';
import { findPartyByRef } from '../../shared/ledger/parties/resolve-party.js';
import { statementDay } from '../../shared/store/statements.js';
import { tenantSettings } from '../../shared/store/tenants.js';
import type { ActivityRow, CheckedRows, EntityRef, ImportRow, OpeningBalanceRow, PartyRow, PaymentRow, RejectedRow } from './rows.js';

export interface ImportCounts {
  accepted: number;
  alreadyImported: number;
  rejected: number;
}

export interface ImportReport extends ImportCounts {
  total: number;
  /** Every refused row (the file's own checks first, then the use cases'), by where it is in the file. */
  rejections: RejectedRow[];
}

type Outcome = 'accepted' | 'already imported';

/** The prefix of an imported payment's idempotency key (the rest is its row key). */
export const IMPORT_KEY_PREFIX = 'import:';

/** Entities named by rows (kind + Caja id or externalId), each resolved once per run. */
type Entities = Map<string, Promise<Party | undefined>>;

async function entityOf(principal: Principal, entities: Entities, entity: EntityRef): Promise<Party> {
  const key = `${entity.kind}|${entity.ref}`;
  let found = entities.get(key);
  if (!found) entities.set(key, (found = findPartyByRef(principal.tenant, entity.kind, entity.ref)));
  const party = await found;
  if (!party) {
    entities.delete(key);
    throw new NotFound(`${entity.kind[0]!.toUpperCase()}${entity.kind.slice(1)} ${entity.ref}`);
  }
  return party;
}

async function importParty(principal: Principal, row: PartyRow): Promise<Outcome> {
  const existing = await findPartyByRef(principal.tenant, row.kind, row.externalId);
  if (existing?.externalId?.toLowerCase() === row.externalId.toLowerCase()) return 'already imported';
  // The parent by its externalId or Caja id: the use case resolves and checks it (kind, existence).
  const { kind, name, externalId, parent, taxId, email } = row;
  await createParty(actorOf(principal), { kind, name, externalId, parentId: parent, taxId, email });
  return 'accepted';
}

async function importOpeningBalance(principal: Principal, entities: Entities, row: OpeningBalanceRow): Promise<Outcome> {
  const entity = await entityOf(principal, entities, row.entity);
  const { currency } = await tenantSettings(principal.tenant);
  const amount = toMinorUnits(row.amount, currency, 'amount');
  const { changed } = await setOpeningBalance(actorOf(principal), entity.id, { amount, date: row.date });
  return changed ? 'accepted' : 'already imported';
}

const ACTIVITY_FIGURES = ['totalSales', 'totalPayouts', 'listeroCommission', 'vendedorCommission'] as const;

async function importActivity(principal: Principal, entities: Entities, row: ActivityRow): Promise<Outcome> {
  const entity = await entityOf(principal, entities, row.entity);
  // Decimal text as it is: the use case converts it to minor units (no float on the way).
  const command: SetActivityCommand = {
    [DIMENSION_FIELD[row.entity.kind]]: entity.id,
    date: row.date,
    totalSales: row.totalSales,
    totalPayouts: row.totalPayouts,
    commission: row.commission,
    listeroCommission: row.listeroCommission,
    vendedorCommission: row.vendedorCommission,
  };
  const { currency } = await tenantSettings(principal.tenant);
  const wanted = activityFigures(command, row.entity.kind, currency);
  const day = await statementDay(principal.tenant, entity.id, row.date, true);
  if (ACTIVITY_FIGURES.every((figure) => (day?.[figure] ?? 0) === wanted[figure])) return 'already imported';
  await setActivity({ principal }, command);
  return 'accepted';
}

async function importPayment(principal: Principal, entities: Entities, row: PaymentRow): Promise<Outcome> {
  const entity = await entityOf(principal, entities, row.entity);
  const { created } = await recordAccountPayment(
    { principal },
    {
      [DIMENSION_FIELD[row.entity.kind]]: entity.id,
      date: row.date,
      time: row.time,
      amount: row.amount,
      direction: DIRECTION[row.type],
      method: row.method,
      notes: row.notes,
      isFinal: row.isFinal,
      idempotencyKey: `${IMPORT_KEY_PREFIX}${row.rowKey}`,
      keyForGood: true,
    },
  );
  return created.replayed ? 'already imported' : 'accepted';
}

function importRow(principal: Principal, entities: Entities, row: ImportRow): Promise<Outcome> {
  if (row.record === 'party') return importParty(principal, row);
  if (row.record === 'opening_balance') return importOpeningBalance(principal, entities, row);
  if (row.record === 'activity') return importActivity(principal, entities, row);
  return importPayment(principal, entities, row);
}

/** A use case's refusal as the report says it: its reason code (the API's error code) and message. */
const reasonOf = (error: unknown) =>
  error instanceof DomainError ? `${error.reason}: ${error.message}` : `ERROR: ${error instanceof Error ? error.message : String(error)}`;

/** How many entities' rows are imported at once. */
const LANES_IN_FLIGHT = 8;

/**
 * Runs `work` over `items`: items of one lane one after another in their order, up to `width`
 * lanes at a time.
 */
async function inLanes<T>(items: readonly T[], laneOf: (item: T) => string, width: number, work: (item: T) => Promise<void>): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = lanes.get(laneOf(item)) ?? [];
    lanes.set(laneOf(item), lane);
    lane.push(item);
  }
  const queue = [...lanes.values()];
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) for (const item of lane) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(width, queue.length) }, worker));
}

/**
 * Imports the rows in their import order: parties one after another (parents first), then each
 * entity's opening balance, activity and payments in the file's order (an `isFinal` payment settles its day
 * for the rows after it), several entities at a time (entities are told apart by the reference as
 * written). `progress` hears of every row.
 */
export async function importRows(
  principal: Principal,
  checked: CheckedRows,
  progress?: (done: number, total: number, counts: ImportCounts) => void,
): Promise<ImportReport> {
  const total = checked.rows.length + checked.rejected.length;
  const rejections = [...checked.rejected];
  const counts: ImportCounts = { accepted: 0, alreadyImported: 0, rejected: rejections.length };
  let done = rejections.length;
  const entities: Entities = new Map();
  progress?.(done, total, counts);
  const one = async (row: ImportRow) => {
    try {
      const outcome = await importRow(principal, entities, row);
      if (outcome === 'accepted') counts.accepted++;
      else counts.alreadyImported++;
    } catch (error) {
      rejections.push({ at: row.at, record: row.record, reason: reasonOf(error) });
      counts.rejected++;
    }
    progress?.(++done, total, counts);
  };
  for (const row of checked.rows.filter((r) => r.record === 'party')) await one(row);
  const accounts = checked.rows.filter((r): r is OpeningBalanceRow | ActivityRow | PaymentRow => r.record !== 'party');
  await inLanes(accounts, (row) => `${row.entity.kind}|${row.entity.ref}`, LANES_IN_FLIGHT, one);
  const line = (at: string) => Number(/\d+/.exec(at)?.[0] ?? 0);
  rejections.sort((a, b) => line(a.at) - line(b.at));
  return { total, ...counts, rejections };
}
