/**
 * The accounts API (seed 001): payments and collections of a banca → ventana → vendedor network,
 * settled against live daily statements. Rules and orchestration; handlers only parse and map.
 *
 * - Every mutation is ONE transaction: (idempotency key record,) payment, statement change, audit
 *   entry. Statement money moves by atomic ADD, so concurrent payments never lose an update, and
 *   the day's "not settled" condition travels with the change (409 STATEMENT_SETTLED).
 * - Running balances are computed when read (shared/domain/statements.ts), so a backdated
 *   payment or a corrected activity day is reflected on every later day at once.
 * - Who may touch which entity is decided in shared/domain/account-scope.ts.
 *
 * Amounts are integer minor units of the tenant's currency inside; this API speaks major-unit
 * JSON numbers (100000 CRC → 100000, stored as 10000000).
 */
import type { Principal } from '../auth/principal.js';
import {
  type Access,
  type AccountActor,
  type AccountKind,
  accountActor,
  ancestorsNeeded,
  DIMENSION_FIELD,
  type Dimensions,
  mayAccess,
  resolveDimension,
  roleMay,
} from '../domain/account-scope.js';
import { checkNotFuture, isValidDate, localDateTime, TIME_PATTERN } from '../domain/dates.js';
import { type Currency, parseMajor, toMajorNumber } from '../domain/money.js';
import type { Party } from '../domain/parties.js';
import type { Payment } from '../domain/payments.js';
import { locateOffset, type StatementFigures, statementField, statementFor } from '../domain/statements.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../ledger/errors.js';
import * as z from 'zod/mini';
import { invalidRequest } from '../http/errors.js';
import { accounts as accountsDialect } from '../dialects/accounts/index.js';
import { inDialectTerms } from '../dialects/failure.js';
import { IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN, idempotencyKeyHeader } from '../http/idempotency-key.js';
import { idString, queryInt } from '../http/validation.js';
import type { Logger } from '../http/logger.js';
import { newId } from '../ids.js';
import { auditEntry, putAudit, writeAudit } from '../store/audit.js';
import { idempotent, KEY_RECORD, requestHash } from '../store/idempotency.js';
import { indexKeys } from '../store/keys.js';
import { parties } from '../store/parties.js';
import { getPayment, insertPayment, queryPayments, replacePayment } from '../store/payments.js';
import {
  addPaymentToStatement,
  paymentCountsByDay,
  removePaymentFromStatement,
  setActivityFigures,
  skipAccountPayments,
  type StatementDay,
  statementDay,
  statementDaysUpTo,
  type StatementTarget,
} from '../store/statements.js';
import { tenantSettings } from '../store/tenants.js';
import { ConditionFailed, transact } from '../store/tx.js';

// ---------------------------------------------------------------------------------------------
// Input schemas (strict: unknown fields are a 400 naming the field)
// ---------------------------------------------------------------------------------------------

export const PAYMENT_TYPES = ['payment', 'collection'] as const;
export type AccountPaymentType = (typeof PAYMENT_TYPES)[number];
/** The code's cash | transfer | check | other, plus the document's "system". */
export const PAYMENT_METHODS = ['cash', 'transfer', 'check', 'other', 'system'] as const;

export const ACTIONS = {
  create: 'ACCOUNT_PAYMENT_CREATE',
  reverse: 'ACCOUNT_PAYMENT_REVERSE',
  statementView: 'ACCOUNT_STATEMENT_VIEW',
  historyView: 'ACCOUNT_PAYMENT_HISTORY_VIEW',
  activitySet: 'ACCOUNT_ACTIVITY_SET',
} as const;

const IDEMPOTENCY_SCOPE = 'accounts.payment';

const dateField = z.string().check(z.refine(isValidDate, 'Must be a valid date (YYYY-MM-DD)'));
const timeField = z.string().check(z.regex(TIME_PATTERN, 'Must be a time HH:MM (24 h)'));
const entityId = () => z.optional(idString());
const dimensionFields = { bancaId: entityId(), ventanaId: entityId(), vendedorId: entityId() };
const money = (rule: 'positive' | 'non-negative') =>
  z.number('Must be a number').check(rule === 'positive' ? z.gt(0, 'Must be greater than 0') : z.gte(0, 'Must not be negative'));

export const createPaymentBody = z.strictObject({
  date: dateField,
  time: z.optional(timeField),
  ...dimensionFields,
  amount: money('positive'),
  type: z.enum(PAYMENT_TYPES, 'Must be payment or collection'),
  method: z.enum(PAYMENT_METHODS, `Must be one of ${PAYMENT_METHODS.join(', ')}`),
  notes: z.optional(z.nullable(z.string().check(z.maxLength(500, 'Must be at most 500 characters')))),
  isFinal: z.optional(z.boolean('Must be true or false')),
  idempotencyKey: z.optional(
    z.string().check(
      z.minLength(IDEMPOTENCY_KEY_MIN, `Must be at least ${IDEMPOTENCY_KEY_MIN} characters`),
      z.maxLength(IDEMPOTENCY_KEY_MAX, `Must be at most ${IDEMPOTENCY_KEY_MAX} characters`),
    ),
  ),
});
export type CreatePaymentInput = z.infer<typeof createPaymentBody>;

export const reversePaymentBody = z.strictObject({
  paymentId: idString('Must be a payment id'),
  reason: z.string().check(
    z.refine((value: string) => value.trim().length >= 5, 'Must be at least 5 characters'),
    z.maxLength(500, 'Must be at most 500 characters'),
  ),
});
export type ReversePaymentInput = z.infer<typeof reversePaymentBody>;

export const activityBody = z.strictObject({
  date: dateField,
  ...dimensionFields,
  totalSales: money('non-negative'),
  totalPayouts: money('non-negative'),
  commission: money('non-negative'),
});
export type ActivityInput = z.infer<typeof activityBody>;

export const statementQuery = z.strictObject({ date: z.optional(dateField), ...dimensionFields });
export type StatementQuery = z.infer<typeof statementQuery>;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const paymentsQuery = z.strictObject({
  ...dimensionFields,
  from: z.optional(dateField),
  to: z.optional(dateField),
  page: queryInt({ min: 1, max: 1_000_000, default: 1 }),
  pageSize: queryInt({ min: 1, max: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
});
export type PaymentsQuery = z.infer<typeof paymentsQuery>;

// ---------------------------------------------------------------------------------------------
// Rendering (the seed's field names; money as major-unit numbers; ids as strings)
// ---------------------------------------------------------------------------------------------

/**
 * The accounts `type` lives in the canonical payment's `direction`: a `payment` is money the
 * entity pays in (it lowers what it owes: totalPaid), a `collection` money going the other way
 * (totalCollected).
 */
const DIRECTION: Record<AccountPaymentType, Payment['direction']> = { payment: 'in', collection: 'out' };
export const accountType = (payment: Pick<Payment, 'direction'>): AccountPaymentType =>
  payment.direction === 'in' ? 'payment' : 'collection';

export interface RenderedPayment {
  id: string;
  date: string;
  time: string;
  bancaId?: string;
  ventanaId?: string;
  vendedorId?: string;
  amount: number;
  type: AccountPaymentType;
  method: string;
  notes: string | null;
  isReversed: boolean;
  isFinal: boolean;
  paidById: string;
  createdAt: string;
  reversedAt?: string;
  reversedById?: string;
  reversalReason?: string;
}

export function renderPayment(payment: Payment): RenderedPayment {
  const field = DIMENSION_FIELD[payment.entityKind as AccountKind] ?? 'entityId';
  return {
    id: payment.id,
    date: payment.date,
    time: payment.time ?? '00:00',
    [field]: payment.entityId,
    amount: toMajorNumber(payment.amount, payment.currency),
    type: accountType(payment),
    method: payment.method,
    notes: payment.notes ?? null,
    isReversed: payment.status === 'reversed',
    isFinal: payment.isFinal ?? false,
    paidById: payment.recordedBy,
    createdAt: payment.createdAt,
    ...(payment.reversal
      ? { reversedAt: payment.reversal.at, reversedById: payment.reversal.by, reversalReason: payment.reversal.reason }
      : {}),
  } as RenderedPayment;
}

export interface RenderedStatement {
  id: string | null;
  date: string;
  bancaId?: string;
  ventanaId?: string;
  vendedorId?: string;
  totalSales: number;
  totalPayouts: number;
  commission: number;
  balance: number;
  totalPaid: number;
  totalCollected: number;
  remainingBalance: number;
  isSaldado: boolean;
}

export function renderStatement(
  figures: StatementFigures & { day?: StatementDay },
  entity: { kind: AccountKind; id: string },
  currency: Currency,
): RenderedStatement {
  const major = (minor: number) => toMajorNumber(minor, currency);
  return {
    id: figures.day?.id ?? null,
    date: figures.date,
    [DIMENSION_FIELD[entity.kind]]: entity.id,
    totalSales: major(figures.totalSales),
    totalPayouts: major(figures.totalPayouts),
    commission: major(figures.commission),
    balance: major(figures.balance),
    totalPaid: major(figures.totalPaid),
    totalCollected: major(figures.totalCollected),
    remainingBalance: major(figures.remainingBalance),
    isSaldado: figures.day?.isSaldado ?? false,
  } as RenderedStatement;
}

// ---------------------------------------------------------------------------------------------
// Shared rules
// ---------------------------------------------------------------------------------------------

export interface AccountsContext {
  principal: Principal;
  /** Injectable clock for tests; defaults to now. */
  now?: Date;
  log?: Logger;
}

interface Entity {
  kind: AccountKind;
  id: string;
  party: Party;
}

const LABEL: Record<AccountKind, string> = { banca: 'Banca', ventana: 'Ventana', vendedor: 'Vendedor' };
const field = (name: string, message: string) => [{ field: name, message }];

const settled = () => new Conflict('The day is already settled (saldado); it takes no more changes', 'STATEMENT_SETTLED');
const paymentNotFound = () => new NotFound('Payment', 'PAYMENT_NOT_FOUND');

function requireActor(principal: Principal, access: Access): AccountActor {
  const actor = accountActor(principal);
  if (!actor || !roleMay(actor, access)) {
    throw new Forbidden(actor?.role === 'VENDEDOR' ? 'A vendedor may not register or reverse payments' : 'Not allowed for this role');
  }
  return actor;
}

function dimensionOf(named: Dimensions, actor: AccountActor): { kind: AccountKind; id: string } {
  const result = resolveDimension(named, actor);
  if (result.ok) return result;
  if (result.reason === 'missing') {
    throw new Invalid(
      'Provide one of bancaId, ventanaId or vendedorId',
      field('bancaId|ventanaId|vendedorId', 'Exactly one is required'),
      'MISSING_DIMENSION',
    );
  }
  throw new Invalid(
    `Provide only one of bancaId, ventanaId or vendedorId (got ${result.fields.join(', ')})`,
    result.fields.map((f) => ({ field: f, message: 'Mutually exclusive with the other dimensions' })),
  );
}

function assertNotFuture(date: string, time: string | undefined, now: Date, timeZone: string): void {
  const check = checkNotFuture(date, time, now, timeZone);
  if (check === 'future_date') throw new Invalid('Date cannot be in the future', field('date', 'Cannot be in the future'), 'FUTURE_DATE');
  if (check === 'future_time') {
    throw new Invalid('Time cannot be in the future for today', field('time', 'Cannot be in the future for today'), 'FUTURE_TIME');
  }
}

function toMinor(value: number, currency: Currency, name: string): number {
  const parsed = parseMajor(value, currency);
  if (parsed.ok) return parsed.minor;
  const message =
    parsed.reason === 'too_many_decimals' ? `Must have at most the decimals of ${currency}` : parsed.reason === 'too_large' ? 'Is too large' : 'Must be a number';
  throw new Invalid(`Invalid body: ${name}: ${message}`, field(name, message));
}

/**
 * The entity named (or defaulted) by the dimension: it must exist in the caller's tenant with the
 * named kind (404 otherwise: another tenant's id looks exactly like a missing one) and be within
 * the caller's scope (403). New money is not recorded against a deactivated entity (404).
 */
async function loadEntity(
  tenant: string,
  actor: AccountActor,
  dim: { kind: AccountKind; id: string },
  access: Access,
  requireActive: boolean,
): Promise<Entity> {
  const party = await parties.get(tenant, dim.id);
  if (!party || party.kind !== dim.kind || (requireActive && !party.active)) throw new NotFound(LABEL[dim.kind]);
  if (!(await inScope(tenant, actor, access, party))) throw new Forbidden(`Not allowed for this ${dim.kind}`);
  return { kind: dim.kind, id: party.id, party };
}

async function inScope(tenant: string, actor: AccountActor, access: Access, party: Party): Promise<boolean> {
  const ancestors: Party[] = [];
  let next = party.parentId;
  for (let i = 0; i < ancestorsNeeded(actor, party) && next; i++) {
    const parent = await parties.get(tenant, next);
    if (!parent) break;
    ancestors.push(parent);
    next = parent.parentId;
  }
  return mayAccess(actor, access, party, ancestors);
}

async function readStatement(tenant: string, entity: { kind: AccountKind; id: string }, date: string, currency: Currency) {
  const days = await statementDaysUpTo(tenant, entity.id, date, true);
  return renderStatement(statementFor(days, date), entity, currency);
}

/** A view's activity entry, written on its own (there is no change to go with it). */
async function recordView(
  principal: Principal,
  action: string,
  entityType: 'STATEMENT' | 'PAYMENT_HISTORY',
  entity: Entity,
  details: Record<string, unknown>,
  at: string,
): Promise<void> {
  await writeAudit(principal.tenant, auditEntry(principal, action, entityType, entity.id, { details: { entityKind: entity.kind, ...details } }, at));
}

/** The accounts body `idempotencyKey` and the Caja-wide `Idempotency-Key` header are one key. */
export function idempotencyKeyOf(bodyKey: string | undefined, headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const headerKey = idempotencyKeyHeader(headers);
  if (headerKey !== undefined && bodyKey !== undefined && headerKey !== bodyKey) {
    throw invalidRequest('Idempotency-Key header and idempotencyKey differ', field('idempotencyKey', 'Differs from the Idempotency-Key header'));
  }
  return bodyKey ?? headerKey;
}

// ---------------------------------------------------------------------------------------------
// POST /api/v1/accounts/payment
// ---------------------------------------------------------------------------------------------

export interface PaymentAndStatement {
  payment: RenderedPayment;
  statement: RenderedStatement;
}

export async function createPayment(
  ctx: AccountsContext,
  input: CreatePaymentInput,
  idempotencyKey: string | undefined,
): Promise<{ replayed: boolean; data: PaymentAndStatement }> {
  try {
    return await createPaymentRaw(ctx, input, idempotencyKey);
  } catch (error) {
    throw inDialectTerms(error, accountsDialect.errors);
  }
}

async function createPaymentRaw(
  ctx: AccountsContext,
  input: CreatePaymentInput,
  idempotencyKey: string | undefined,
): Promise<{ replayed: boolean; data: PaymentAndStatement }> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'write');
  const dim = dimensionOf(input, actor);
  // The entity is read while the tenant settings are; its 404/403 is answered after the input checks.
  const loading = loadEntity(tenant, actor, dim, 'write', true);
  loading.catch(() => undefined);
  const { timeZone, currency } = await tenantSettings(tenant);
  assertNotFuture(input.date, input.time, now, timeZone);
  const amount = toMinor(input.amount, currency, 'amount');
  const entity = await loading;

  const request = {
    date: input.date,
    time: input.time ?? '00:00',
    entityKind: entity.kind,
    entityId: entity.id,
    amount,
    currency,
    type: input.type,
    method: input.method,
    notes: input.notes ?? null,
    isFinal: input.isFinal ?? false,
  };
  const key = idempotencyKey
    ? { tenant, scope: IDEMPOTENCY_SCOPE, key: idempotencyKey, requestHash: requestHash({ scope: IDEMPOTENCY_SCOPE, ...request }) }
    : undefined;
  const target: StatementTarget = { tenant, entityId: entity.id, entityKind: entity.kind, date: request.date };

  const outcome = await idempotent(
    key,
    async (keyRecord, id) => {
      const at = new Date().toISOString();
      const payment: Payment = {
        id,
        source: 'accounts',
        amount,
        currency,
        date: request.date,
        time: request.time,
        method: request.method,
        direction: DIRECTION[request.type],
        ...(request.notes !== null ? { notes: request.notes } : {}),
        // The party whose account the payment moves (the counterparty in both directions).
        payerId: entity.id,
        payerName: entity.party.name,
        entityId: entity.id,
        entityKind: entity.kind,
        isFinal: request.isFinal,
        recordedBy: principal.sub,
        allocations: [],
        status: 'active',
        deleted: false,
        reconciliation: 'reconciled',
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      // A replay answers the same payment; its statement is read live then (it may have moved on).
      const rendered = renderPayment(payment);
      try {
        const { consumedWriteCapacity } = await transact([
          ...keyRecord({ status: 201, data: { payment: rendered } }),
          ['payment', insertPayment(tenant, payment)],
          ['statement', addPaymentToStatement(target, { field: statementField(request.type), amount, settle: request.isFinal }, at)],
          [
            'audit',
            putAudit(
              tenant,
              auditEntry(principal, ACTIONS.create, 'PAYMENT', id, {
                after: payment,
                details: { entityKind: entity.kind, entityId: entity.id, ...(idempotencyKey ? { idempotencyKey } : {}) },
              }, at),
            ),
          ],
        ]);
        ctx.log?.info('account payment created', { paymentId: id, consumedWriteCapacity });
      } catch (error) {
        // A lost idempotency race is the caller's (idempotent) business: it replays the winner.
        if (error instanceof ConditionFailed && !error.on(KEY_RECORD) && error.on('statement')) throw settled();
        throw error;
      }
      return { payment: rendered, statement: await readStatement(tenant, entity, request.date, currency) };
    },
    newId,
    now,
  );
  if (!outcome.replayed) return { replayed: false, data: outcome.response };
  const { payment } = outcome.stored.data as Pick<PaymentAndStatement, 'payment'>;
  return { replayed: true, data: { payment, statement: await readStatement(tenant, entity, payment.date, currency) } };
}

// ---------------------------------------------------------------------------------------------
// POST /api/v1/accounts/reverse-payment
// ---------------------------------------------------------------------------------------------

const REVERSE_ATTEMPTS = 8;

/** An accounts payment of the caller's tenant, or 404 PAYMENT_NOT_FOUND. */
async function requireAccountPayment(tenant: string, id: string): Promise<Payment> {
  const payment = await getPayment(tenant, id, true);
  if (!payment || payment.source !== 'accounts' || payment.deleted || !payment.entityId) throw paymentNotFound();
  return payment;
}

/**
 * Reverses a payment: kept, flagged reversed with who/when/why, its amount taken back out of its
 * day (un-settling the day if it was the payment that settled it), audited; one transaction,
 * optimistic on the payment's version, so of concurrent reversals exactly one wins and the
 * others see PAYMENT_ALREADY_REVERSED. A payment outside the caller's scope is PAYMENT_NOT_FOUND:
 * the caller names an object, not an entity, and SPEC §4 says another party's object is a 404.
 */
export async function reversePayment(ctx: AccountsContext, input: ReversePaymentInput): Promise<PaymentAndStatement> {
  const { principal } = ctx;
  const { tenant } = principal;
  const actor = requireActor(principal, 'write');
  let before = await requireAccountPayment(tenant, input.paymentId);
  const party = await parties.get(tenant, before.entityId as string);
  const kind = before.entityKind as AccountKind;
  if (!party || party.kind !== kind || !(await inScope(tenant, actor, 'write', party))) throw paymentNotFound();
  const entity: Entity = { kind, id: party.id, party };
  const { currency } = await tenantSettings(tenant);
  const reason = input.reason.trim();

  for (let attempt = 1; ; attempt++) {
    if (before.status === 'reversed') {
      throw new Invalid('Payment is already reversed', field('paymentId', 'Already reversed'), 'PAYMENT_ALREADY_REVERSED');
    }
    const at = (ctx.now ?? new Date()).toISOString();
    const after: Payment = {
      ...before,
      status: 'reversed',
      reversal: { by: principal.sub, at, reason },
      updatedAt: at,
      version: before.version + 1,
    };
    const target: StatementTarget = { tenant, entityId: entity.id, entityKind: kind, date: before.date };
    try {
      await transact([
        ['payment', replacePayment(tenant, before, after)],
        [
          'statement',
          removePaymentFromStatement(target, { field: statementField(accountType(before)), amount: before.amount, unsettle: before.isFinal === true }, at),
        ],
        ['audit', putAudit(tenant, auditEntry(principal, ACTIONS.reverse, 'PAYMENT', before.id, { before, after, details: { reason } }, at))],
      ]);
      const statement = await readStatement(tenant, entity, before.date, currency);
      return { payment: renderPayment(after), statement };
    } catch (error) {
      if (!(error instanceof ConditionFailed && error.on('payment')) || attempt >= REVERSE_ATTEMPTS) throw error;
      before = await requireAccountPayment(tenant, input.paymentId); // someone changed it: look again
    }
  }
}

// ---------------------------------------------------------------------------------------------
// POST /api/v1/accounts/activity (ADMIN)
// ---------------------------------------------------------------------------------------------

const ACTIVITY_ATTEMPTS = 8;

/**
 * Sets a day's sales, payouts and commission (SET, not ADD: the last call is the day's figures).
 * Optimistic on the day's activityVersion so the audit entry's `before` is exactly what was
 * replaced; refused on a settled day.
 */
export async function setActivity(ctx: AccountsContext, input: ActivityInput): Promise<RenderedStatement> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'write');
  const dim = dimensionOf(input, actor);
  const { timeZone, currency } = await tenantSettings(tenant);
  assertNotFuture(input.date, undefined, now, timeZone);
  const figures = {
    totalSales: toMinor(input.totalSales, currency, 'totalSales'),
    totalPayouts: toMinor(input.totalPayouts, currency, 'totalPayouts'),
    commission: toMinor(input.commission, currency, 'commission'),
  };
  const entity = await loadEntity(tenant, actor, dim, 'write', false);
  const target: StatementTarget = { tenant, entityId: entity.id, entityKind: entity.kind, date: input.date };

  for (let attempt = 1; ; attempt++) {
    const current = await statementDay(tenant, entity.id, input.date, true);
    if (current?.isSaldado) throw settled();
    const before = {
      totalSales: current?.totalSales ?? 0,
      totalPayouts: current?.totalPayouts ?? 0,
      commission: current?.commission ?? 0,
    };
    const at = new Date().toISOString();
    try {
      await transact([
        ['statement', setActivityFigures(target, figures, current?.activityVersion ?? 0, at)],
        [
          'audit',
          putAudit(
            tenant,
            auditEntry(principal, ACTIONS.activitySet, 'STATEMENT', entity.id, {
              before,
              after: figures,
              details: { entityKind: entity.kind, date: input.date },
            }, at),
          ),
        ],
      ]);
      return readStatement(tenant, entity, input.date, currency);
    } catch (error) {
      if (!(error instanceof ConditionFailed && error.on('statement'))) throw error;
      if (attempt >= ACTIVITY_ATTEMPTS) throw new Conflict('The day was changed by another request; retry');
      // Settled meanwhile (answered at the top of the loop) or set concurrently: read again.
    }
  }
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/accounts/statement
// ---------------------------------------------------------------------------------------------

/** The day's statement (all zeros but the carried remaining balance on a day without activity). */
export async function getStatement(ctx: AccountsContext, query: StatementQuery): Promise<RenderedStatement> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'read');
  const dim = dimensionOf(query, actor);
  const { timeZone, currency } = await tenantSettings(tenant);
  const date = query.date ?? localDateTime(now, timeZone).date;
  assertNotFuture(date, undefined, now, timeZone);
  const entity = await loadEntity(tenant, actor, dim, 'read', false);
  const [statement] = await Promise.all([
    readStatement(tenant, entity, date, currency),
    recordView(principal, ACTIONS.statementView, 'STATEMENT', entity, { date }, now.toISOString()),
  ]);
  return statement;
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/accounts/payments
// ---------------------------------------------------------------------------------------------

export interface PaymentsPage {
  items: RenderedPayment[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

/**
 * History newest first (date, time, then id), reversed payments included. Offset pages stay
 * cheap: the day that page N starts on comes from the statements' per-day payment counts (one
 * small item per day, also giving `total`), so only that day's earlier entries are skipped
 * (keys projected) before one page of payments is read.
 */
export async function listPayments(ctx: AccountsContext, query: PaymentsQuery): Promise<PaymentsPage> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'read');
  const dim = dimensionOf(query, actor);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new Invalid('Invalid query: from: Must not be after to', field('from', 'Must not be after to'));
  }
  const entity = await loadEntity(tenant, actor, dim, 'read', false);
  const { page, pageSize } = query;

  const read = async () => {
    const counts = await paymentCountsByDay(tenant, entity.id, { from: query.from, to: query.to });
    const total = counts.reduce((sum, day) => sum + day.count, 0);
    const start = locateOffset(counts, (page - 1) * pageSize);
    if (!start) return { total, items: [] };
    const between: [string, string] = [query.from ?? '0', `${start.date}T~`];
    const startKey = start.skipWithinDay > 0 ? await skipAccountPayments(tenant, entity.id, between, start.skipWithinDay) : undefined;
    if (startKey === null) return { total, items: [] };
    const result = await queryPayments(tenant, {
      partition: indexKeys.accountPayments(tenant, entity.id),
      between,
      newestFirst: true,
      limit: pageSize,
      ...(startKey ? { startKey } : {}),
    });
    return { total, items: result.items };
  };
  const [{ total, items }] = await Promise.all([
    read(),
    recordView(principal, ACTIONS.historyView, 'PAYMENT_HISTORY', entity, { from: query.from ?? null, to: query.to ?? null, page, pageSize }, now.toISOString()),
  ]);
  return { items: items.map(renderPayment), page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}
