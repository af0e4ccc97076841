/**
 * Caja's own ledger API (SPEC §3, `/ledger`, ADMIN only): parties, charges, the payment-method
 * catalogue, the canonical payment view, the audit trail and users. Handlers parse and call these;
 * every business rule lives here. The tenant always comes from the caller's verified token.
 */
import { ROLES, type Role } from '../auth/roles.js';
import type { Principal } from '../auth/principal.js';
import { type Charge, CHARGE_KINDS, CHARGE_STATUSES, type ChargeKind, type ChargeStatus, chargeStatus, outstanding } from '../domain/charges.js';
import { isValidDate, localDateTime } from '../domain/dates.js';
import { CURRENCIES, type Currency } from '../domain/money.js';
import { PAYMENT_METHOD_CODE, PAYMENT_METHOD_DIALECTS, type PaymentMethod } from '../domain/payment-methods.js';
import { PARENT_KIND, PARTY_KINDS, type Party, type PartyKind } from '../domain/parties.js';
import type { Payment } from '../domain/payments.js';
import { looksLikeRut, normalizeRut } from '../domain/rut.js';
import { Conflict, Invalid, NotFound } from '../ledger/errors.js';
import * as z from 'zod/mini';
import { idString, queryInt } from '../http/validation.js';
import { newId } from '../ids.js';
import { type Actor, type AuditEntry, auditEntry, listAudit, putAudit } from '../store/audit.js';
import { charges } from '../store/charges.js';
import type { EntityStore, IndexQuery, Versioned } from '../store/entities.js';
import { idempotent, type KeyRecord, type IdempotencyKey, requestHash, type StoredResponse } from '../store/idempotency.js';
import { indexKeys } from '../store/keys.js';
import { parties } from '../store/parties.js';
import { insertPaymentMethod, listPaymentMethods as listMethods } from '../store/payment-methods.js';
import { getPayment as readPayment } from '../store/payments.js';
import { tenantSettings } from '../store/tenants.js';
import { optimistic, transact, type TxItems } from '../store/tx.js';
import { createUser as createDirectoryUser, type PoolUserCreator } from '../users/directory.js';

// ---------------------------------------------------------------------------------------------
// Field schemas shared by the handlers (zod/mini).
// ---------------------------------------------------------------------------------------------

const CURRENCY_LIST = CURRENCIES as [Currency, ...Currency[]];
export const currencySchema = z.enum(CURRENCY_LIST, { error: `Must be one of ${CURRENCIES.join(', ')}` });

const minorUnits = (min: 0 | 1) =>
  z.int({ error: 'Must be an integer amount in minor units' }).check(
    z.gte(min, min === 1 ? 'Must be greater than 0' : 'Must not be negative'),
  );

/** An amount in integer minor units: a bare integer, or `{amount, currency}` as the API renders it. */
export const moneySchema = (min: 0 | 1) =>
  z.union([minorUnits(min), z.strictObject({ amount: minorUnits(min), currency: currencySchema })], {
    error: `Must be ${min === 1 ? 'a positive' : 'a non-negative'} integer amount in minor units, or {amount, currency}`,
  });
export type MoneyInput = number | { amount: number; currency: Currency };

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max, `At most ${max} characters`));
export const dateSchema = z.string().check(z.refine(isValidDate, 'Must be a date YYYY-MM-DD'));
export const emailSchema = z.string().check(z.trim(), z.maxLength(254, 'At most 254 characters'), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Must be an email address'));
export const partyKindSchema = z.enum(PARTY_KINDS, { error: `Must be one of ${PARTY_KINDS.join(', ')}` });
export const chargeKindSchema = z.enum(CHARGE_KINDS, { error: `Must be one of ${CHARGE_KINDS.join(', ')}` });
export const chargeStatusSchema = z.enum(CHARGE_STATUSES, { error: `Must be one of ${CHARGE_STATUSES.join(', ')}` });
export const roleSchema = z.enum(ROLES, { error: `Must be one of ${ROLES.join(', ')}` });
export const paymentMethodCodeSchema = z.string().check(z.regex(PAYMENT_METHOD_CODE, 'Must be 1-50 letters, digits, _ or -'));
export const dialectSchema = z.enum(PAYMENT_METHOD_DIALECTS, { error: `Must be one of ${PAYMENT_METHOD_DIALECTS.join(', ')}` });
/** Audit entity ids: entity ids, or namespaced ids such as `payment-method:BCP`. */
export const entityIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_:#.-]{1,120}$/, 'Must be an entity id'));

export const idPath = z.strictObject({ id: idString() });
export const pageQuery = {
  limit: queryInt({ min: 1, max: 100, default: 20 }),
  cursor: z.optional(z.string().check(z.minLength(1, 'Must not be empty'), z.maxLength(2048, 'Invalid cursor'))),
};

// ---------------------------------------------------------------------------------------------
// Views (pure mappers): what the API renders. Money is `{amount, currency}` in minor units.
// ---------------------------------------------------------------------------------------------

export interface Money {
  amount: number;
  currency: Currency;
}

export const money = (amount: number, currency: Currency): Money => ({ amount, currency });

/** Drops undefined members so optional fields are absent, not null. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The ledger API shows a party as it is stored. */
export type PartyView = Party;

export function partyView(p: Party): PartyView {
  return compact({
    id: p.id,
    kind: p.kind,
    name: p.name,
    taxId: p.taxId,
    email: p.email,
    parentId: p.parentId,
    externalId: p.externalId,
    active: p.active,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  });
}

export interface ChargeView {
  id: string;
  kind: ChargeKind;
  partyId: string;
  amount: Money;
  currency: Currency;
  lateFee?: Money;
  paidAmount: Money;
  outstanding: Money;
  status: ChargeStatus;
  number?: string;
  code?: string;
  description?: string;
  issueDate?: string;
  dueDate?: string;
  communityId?: string;
  contractId?: string;
  voided: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The charge with its status, paid and outstanding amounts derived for `today` (the tenant's date). */
export function chargeView(c: Charge, today: string): ChargeView {
  const paid = c.paidAmount ?? 0;
  const derived = { ...c, paidAmount: paid };
  return compact({
    id: c.id,
    kind: c.kind,
    partyId: c.partyId,
    amount: money(c.amount, c.currency),
    currency: c.currency,
    lateFee: c.lateFee !== undefined ? money(c.lateFee, c.currency) : undefined,
    paidAmount: money(paid, c.currency),
    outstanding: money(c.voided ? 0 : outstanding(derived), c.currency),
    status: chargeStatus(derived, today),
    number: c.number,
    code: c.code,
    description: c.description,
    issueDate: c.issueDate,
    dueDate: c.dueDate,
    communityId: c.communityId,
    contractId: c.contractId,
    voided: c.voided,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  });
}

export type PaymentView = Omit<Payment, 'amount' | 'allocations'> & {
  amount: Money;
  allocations: { chargeId: string; amount: Money }[];
};

/** The canonical payment, whichever API created it, with money as `{amount, currency}`. */
export function paymentView(p: Payment): PaymentView {
  return compact({
    ...p,
    amount: money(p.amount, p.currency),
    allocations: (p.allocations ?? []).map((a) => ({ chargeId: a.chargeId, amount: money(a.amount, p.currency) })),
  });
}

export function paymentMethodView(m: PaymentMethod): PaymentMethod {
  return compact({ code: m.code, name: m.name, dialect: m.dialect });
}

export interface UserView {
  sub: string;
  email: string;
  role: Role;
  tenant: string;
  partyId?: string;
}

/**
 * A tax id as stored: a value written as a Chilean RUT (`12.345.678-5`, `12345678-5`, `12345678K`)
 * must carry the right check digit and is stored normalized (`12345678-5`). Other ids (RUC, RFC,
 * plain digit strings such as a DNI, which a RUT pattern cannot tell apart) are kept as written.
 */
export function normalizeTaxId(value: string): { ok: true; value: string } | { ok: false } {
  const trimmed = value.trim();
  const writtenAsRut = looksLikeRut(trimmed) && (/[-.]/.test(trimmed) || /k$/i.test(trimmed));
  if (!writtenAsRut) return { ok: true, value: trimmed };
  const rut = normalizeRut(trimmed);
  return rut ? { ok: true, value: rut } : { ok: false };
}

/** The kind of party a user of each role acts as, for roles scoped to a party. */
export const ROLE_PARTY_KIND: Partial<Record<Role, PartyKind>> = {
  EMPLOYEE: 'employee',
  BANCA: 'banca',
  VENTANA: 'ventana',
  VENDEDOR: 'vendedor',
  RESIDENT: 'resident',
};
/** Roles whose every request is scoped to their own party: a user of these needs one. */
const ROLES_NEEDING_PARTY: readonly Role[] = ['BANCA', 'VENTANA', 'VENDEDOR', 'RESIDENT'];

// ---------------------------------------------------------------------------------------------
// Plumbing
// ---------------------------------------------------------------------------------------------

export const actorOf = (principal: Principal): Actor => ({ tenant: principal.tenant, sub: principal.sub });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CreateOptions {
  /** The `Idempotency-Key` header, when the client sent one. */
  idempotencyKey?: string | undefined;
}

function idempotencyKey(actor: Actor, scope: string, key: string | undefined, request: unknown): IdempotencyKey | undefined {
  if (key === undefined) return undefined;
  return { tenant: actor.tenant, scope, key, requestHash: requestHash(request) };
}

async function runCreate(
  actor: Actor,
  scope: string,
  options: CreateOptions,
  request: unknown,
  create: (keyRecord: KeyRecord, id: string) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const key = idempotencyKey(actor, `ledger.${scope}`, options.idempotencyKey, request);
  const outcome = await idempotent(key, create, newId);
  return outcome.replayed ? outcome.stored : outcome.response;
}

/** Insert with its audit entry and any extra items (an idempotency key record) in one transaction. */
async function insertEntity<T extends Versioned>(store: EntityStore<T>, type: string, actor: Actor, entity: T, extra: TxItems): Promise<void> {
  const item = store.put(actor.tenant, entity);
  item.Put!.ConditionExpression = 'attribute_not_exists(pk)';
  await transact([
    [type, item],
    ['audit', putAudit(actor.tenant, auditEntry(actor, `${type}_CREATE`, type, entity.id, { after: entity }))],
    ...extra,
  ]);
}

/** Reads (consistently), computes and replaces; a lost optimistic race is retried on the fresh item. */
async function update<T extends Versioned>(
  store: EntityStore<T>,
  actor: Actor,
  id: string,
  what: string,
  change: (before: T, now: string) => T | undefined,
  action?: string,
): Promise<T> {
  return optimistic(store.type, async () => {
    const before = await store.get(actor.tenant, id, true);
    if (!before) throw new NotFound(what);
    const after = change(before, new Date().toISOString());
    if (after === undefined) return before;
    return store.replace(actor, before, { ...after, version: before.version + 1 }, action);
  });
}

async function today(tenant: string): Promise<string> {
  const { timeZone } = await tenantSettings(tenant);
  return localDateTime(new Date(), timeZone).date;
}

const present = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

// ---------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------

export interface CreatePartyInput {
  kind: PartyKind;
  name: string;
  taxId?: string | undefined;
  email?: string | undefined;
  parentId?: string | undefined;
  externalId?: string | undefined;
}

export interface UpdatePartyInput {
  name?: string | undefined;
  taxId?: string | null | undefined;
  email?: string | null | undefined;
  externalId?: string | null | undefined;
  active?: boolean | undefined;
}

function taxIdOrThrow(value: string): string {
  const result = normalizeTaxId(value);
  if (!result.ok) {
    throw new Invalid('Invalid taxId: RUT check digit does not match', [{ field: 'taxId', message: 'RUT check digit does not match' }]);
  }
  return result.value;
}

async function checkParent(tenant: string, kind: PartyKind, parentId: string): Promise<void> {
  const expected = PARENT_KIND[kind];
  if (!expected) throw new Invalid(`A ${kind} party takes no parent`, [{ field: 'parentId', message: `A ${kind} party takes no parent` }]);
  const parent = await parties.require(tenant, parentId, 'Parent party');
  if (parent.kind !== expected) {
    throw new Invalid(`The parent of a ${kind} must be a ${expected}`, [{ field: 'parentId', message: `Must be a ${expected} party` }]);
  }
}

export async function createParty(actor: Actor, input: CreatePartyInput, options: CreateOptions = {}): Promise<StoredResponse> {
  const taxId = input.taxId !== undefined ? taxIdOrThrow(input.taxId) : undefined;
  if (input.parentId !== undefined) await checkParent(actor.tenant, input.kind, input.parentId);
  return runCreate(
    actor,
    'party',
    options,
    input,
    async (keyRecord, id) => {
      const now = new Date().toISOString();
      const party: Party = compact({
        id,
        kind: input.kind,
        name: input.name,
        taxId,
        email: input.email,
        parentId: input.parentId,
        externalId: input.externalId,
        active: true,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const response = { status: 201, data: partyView(party) };
      await insertEntity(parties, 'PARTY', actor, party, keyRecord(response));
      return response;
    },
  );
}

export async function getParty(tenant: string, id: string): Promise<PartyView> {
  return partyView(await parties.require(tenant, id));
}

export async function listParties(
  tenant: string,
  q: { kind?: PartyKind | undefined; parentId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<PartyView>> {
  const page = { limit: q.limit, ...(q.cursor !== undefined ? { cursor: q.cursor } : {}), ...(q.kind ? { sortPrefix: `${q.kind}#` } : {}) };
  const result = q.parentId
    ? await parties.query(tenant, { index: 'gsi2', partition: indexKeys.children(tenant, q.parentId), ...page })
    : await parties.query(tenant, { index: 'gsi1', partition: indexKeys.parties(tenant), ...page });
  return { items: result.items.map(partyView), nextCursor: result.nextCursor };
}

export async function updateParty(actor: Actor, id: string, input: UpdatePartyInput): Promise<PartyView> {
  if (Object.values(input).every((v) => v === undefined)) throw new Invalid('Nothing to update: send at least one field');
  const taxId = present(input.taxId) ? taxIdOrThrow(input.taxId) : input.taxId;
  const party = await update(parties, actor, id, 'Party', (before, now) => {
    const after: Party = { ...before, updatedAt: now };
    if (input.name !== undefined) after.name = input.name;
    if (input.active !== undefined) after.active = input.active;
    const optional = { taxId, email: input.email, externalId: input.externalId };
    for (const [field, value] of Object.entries(optional) as [keyof typeof optional, string | null | undefined][]) {
      if (value === null) delete after[field];
      else if (value !== undefined) after[field] = value;
    }
    return after;
  });
  return partyView(party);
}

/** Deactivates (the party stays for the payments and charges that reference it); repeating is harmless. */
export async function deactivateParty(actor: Actor, id: string): Promise<PartyView> {
  const party = await update(
    parties,
    actor,
    id,
    'Party',
    (before, now) => (before.active ? { ...before, active: false, updatedAt: now } : undefined),
    'PARTY_DEACTIVATE',
  );
  return partyView(party);
}

// ---------------------------------------------------------------------------------------------
// Charges
// ---------------------------------------------------------------------------------------------

export interface CreateChargeInput {
  kind: ChargeKind;
  partyId: string;
  amount: MoneyInput;
  currency?: Currency | undefined;
  number?: string | undefined;
  code?: string | undefined;
  description?: string | undefined;
  issueDate?: string | undefined;
  dueDate?: string | undefined;
  lateFee?: MoneyInput | undefined;
  communityId?: string | undefined;
  contractId?: string | undefined;
}

export interface UpdateChargeInput {
  amount?: MoneyInput | undefined;
  currency?: Currency | undefined;
  number?: string | null | undefined;
  code?: string | null | undefined;
  description?: string | null | undefined;
  issueDate?: string | null | undefined;
  dueDate?: string | null | undefined;
  lateFee?: MoneyInput | null | undefined;
  communityId?: string | null | undefined;
  contractId?: string | null | undefined;
}

const minorOf = (value: MoneyInput): number => (typeof value === 'number' ? value : value.amount);
const currencyOf = (value: MoneyInput | null | undefined): Currency | undefined =>
  value !== null && typeof value === 'object' ? value.currency : undefined;

/** The one currency a request names, through `currency` and the money objects; 400 if they disagree. */
function resolveCurrency(fields: { currency?: Currency | undefined; amount?: MoneyInput | undefined; lateFee?: MoneyInput | null | undefined }, fallback?: Currency): Currency | undefined {
  const named = [
    ['currency', fields.currency],
    ['amount.currency', currencyOf(fields.amount)],
    ['lateFee.currency', currencyOf(fields.lateFee)],
  ].filter((entry): entry is [string, Currency] => entry[1] !== undefined);
  const currency = named[0]?.[1] ?? fallback;
  const mismatch = named.find(([, c]) => c !== currency);
  if (mismatch) {
    throw new Invalid(`Invalid body: ${mismatch[0]}: must be ${currency}`, [{ field: mismatch[0], message: `Must be ${currency}, the charge's currency` }]);
  }
  return currency;
}

function checkDates(issueDate: string | undefined, dueDate: string | undefined): void {
  if (issueDate !== undefined && dueDate !== undefined && dueDate < issueDate) {
    throw new Invalid('Invalid body: dueDate: must not be before issueDate', [{ field: 'dueDate', message: 'Must not be before issueDate' }]);
  }
}

/** The party a charge belongs to (404), and its community/contract, which must be parties of that kind. */
async function checkChargeParties(tenant: string, refs: { partyId?: string | undefined; communityId?: string | undefined; contractId?: string | undefined }): Promise<void> {
  const wanted = (
    [
      ['partyId', refs.partyId, undefined, 'Party'],
      ['communityId', refs.communityId, 'community', 'Community'],
      ['contractId', refs.contractId, 'contract', 'Contract'],
    ] as const
  ).filter((entry) => entry[1] !== undefined);
  if (wanted.length === 0) return;
  const found = await parties.getMany(tenant, wanted.map((entry) => entry[1]!));
  wanted.forEach(([field, , kind, label], i) => {
    const party = found[i];
    if (!party) throw new NotFound(label);
    if (kind && party.kind !== kind) throw new Invalid(`Invalid body: ${field}: must be a ${kind} party`, [{ field, message: `Must be a ${kind} party` }]);
  });
}

export async function createCharge(actor: Actor, input: CreateChargeInput, options: CreateOptions = {}): Promise<StoredResponse> {
  const currency = resolveCurrency(input);
  if (!currency) throw new Invalid('Invalid body: currency: required', [{ field: 'currency', message: 'Required' }]);
  checkDates(input.issueDate, input.dueDate);
  await checkChargeParties(actor.tenant, input);
  const day = await today(actor.tenant);
  return runCreate(
    actor,
    'charge',
    options,
    input,
    async (keyRecord, id) => {
      const now = new Date().toISOString();
      const charge: Charge = compact({
        id,
        kind: input.kind,
        partyId: input.partyId,
        amount: minorOf(input.amount),
        currency,
        paidAmount: 0,
        number: input.number,
        code: input.code,
        description: input.description,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        lateFee: input.lateFee !== undefined ? minorOf(input.lateFee) : undefined,
        communityId: input.communityId,
        contractId: input.contractId,
        voided: false,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const response = { status: 201, data: chargeView(charge, day) };
      await insertEntity(charges, 'CHARGE', actor, charge, keyRecord(response));
      return response;
    },
  );
}

export async function getCharge(tenant: string, id: string): Promise<ChargeView> {
  const [charge, day] = await Promise.all([charges.require(tenant, id), today(tenant)]);
  return chargeView(charge, day);
}

const MAX_FILTER_ROUNDS = 5;

/**
 * Charges of a party (gsi1) or of the tenant (gsi2), optionally of one kind (sort-key prefix).
 * A status filter is applied after deriving each status, so a page may hold fewer than `limit`
 * items while `nextCursor` says there is more to read.
 */
export async function listCharges(
  tenant: string,
  q: { partyId?: string | undefined; kind?: ChargeKind | undefined; status?: ChargeStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<ChargeView>> {
  const day = await today(tenant);
  const base = q.partyId
    ? { index: 'gsi1' as const, partition: indexKeys.partyCharges(tenant, q.partyId) }
    : { index: 'gsi2' as const, partition: indexKeys.charges(tenant) };
  const items: ChargeView[] = [];
  let cursor = q.cursor;
  for (let round = 1; ; round++) {
    const result = await charges.query(tenant, {
      ...base,
      ...(q.kind ? { sortPrefix: `${q.kind}#` } : {}),
      limit: q.limit - items.length,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    for (const charge of result.items) {
      const view = chargeView(charge, day);
      if (!q.status || view.status === q.status) items.push(view);
    }
    if (!result.nextCursor || items.length >= q.limit || round >= MAX_FILTER_ROUNDS) {
      return { items, nextCursor: result.nextCursor };
    }
    cursor = result.nextCursor;
  }
}

export async function updateCharge(actor: Actor, id: string, input: UpdateChargeInput): Promise<ChargeView> {
  if (Object.values(input).every((v) => v === undefined)) throw new Invalid('Nothing to update: send at least one field');
  await checkChargeParties(actor.tenant, {
    ...(present(input.communityId) ? { communityId: input.communityId } : {}),
    ...(present(input.contractId) ? { contractId: input.contractId } : {}),
  });
  const day = await today(actor.tenant);
  const charge = await update(charges, actor, id, 'Charge', (before, now) => {
    if (before.voided) throw new Conflict('Charge is void and can no longer change');
    const currency = resolveCurrency(input, before.currency)!;
    const paid = before.paidAmount ?? 0;
    if (currency !== before.currency && paid > 0) {
      throw new Conflict('The currency of a charge with payments applied cannot change');
    }
    const after: Charge = { ...before, currency, updatedAt: now };
    if (input.amount !== undefined) after.amount = minorOf(input.amount);
    if (input.lateFee === null) delete after.lateFee;
    else if (input.lateFee !== undefined) after.lateFee = minorOf(input.lateFee);
    const optional = {
      number: input.number,
      code: input.code,
      description: input.description,
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      communityId: input.communityId,
      contractId: input.contractId,
    };
    for (const [field, value] of Object.entries(optional) as [keyof typeof optional, string | null | undefined][]) {
      if (value === null) delete after[field];
      else if (value !== undefined) after[field] = value;
    }
    checkDates(after.issueDate, after.dueDate);
    if (after.amount + (after.lateFee ?? 0) < paid) {
      throw new Conflict(`The amount due cannot go below the ${paid} minor units already paid`);
    }
    return after;
  });
  return chargeView(charge, day);
}

/** Voids a charge (it stays, with status `void`); repeating is harmless. A charge with payments applied cannot be voided. */
export async function voidCharge(actor: Actor, id: string): Promise<ChargeView> {
  const day = await today(actor.tenant);
  const charge = await update(
    charges,
    actor,
    id,
    'Charge',
    (before, now) => {
      if (before.voided) return undefined;
      if ((before.paidAmount ?? 0) > 0) throw new Conflict('Charge has payments applied; reverse or delete them first');
      return { ...before, voided: true, updatedAt: now };
    },
    'CHARGE_VOID',
  );
  return chargeView(charge, day);
}

// ---------------------------------------------------------------------------------------------
// Payment methods, payments, audit
// ---------------------------------------------------------------------------------------------

export async function listPaymentMethods(tenant: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<PaymentMethod>> {
  const result = await listMethods(tenant, { limit: page.limit, ...(page.cursor !== undefined ? { cursor: page.cursor } : {}) });
  return { items: result.items.map(paymentMethodView), nextCursor: result.nextCursor };
}

export async function createPaymentMethod(
  actor: Actor,
  input: { code: string; name: string; dialect?: PaymentMethod['dialect'] | undefined },
  options: CreateOptions = {},
): Promise<StoredResponse> {
  const method = paymentMethodView(compact({ code: input.code, name: input.name, dialect: input.dialect }));
  return runCreate(
    actor,
    'payment-method',
    options,
    input,
    async (keyRecord) => {
      const response = { status: 201, data: method };
      await insertPaymentMethod(actor, method, keyRecord(response));
      return response;
    },
  );
}

export async function getPayment(tenant: string, id: string): Promise<PaymentView> {
  const payment = await readPayment(tenant, id);
  if (!payment) throw new NotFound('Payment');
  return paymentView(payment);
}

export async function listAuditEntries(
  tenant: string,
  q: { entityId: string; limit: number; cursor?: string | undefined },
): Promise<Page<AuditEntry>> {
  return listAudit(tenant, q.entityId, q.limit, q.cursor);
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export interface CreateUserInput {
  email: string;
  role: Role;
  partyId?: string | undefined;
}

/**
 * Creates a user of the caller's tenant in the directory: the Cognito pool through `options.pool`
 * (the handler passes shared/users/cognito.ts), or the local issuer when no pool is configured.
 */
export async function createUser(
  actor: Actor,
  input: CreateUserInput,
  options: CreateOptions & { pool?: PoolUserCreator } = {},
): Promise<StoredResponse> {
  const email = input.email.trim().toLowerCase();
  const partyKind = ROLE_PARTY_KIND[input.role];
  if (input.partyId === undefined && ROLES_NEEDING_PARTY.includes(input.role)) {
    throw new Invalid(`Invalid body: partyId: required for role ${input.role}`, [{ field: 'partyId', message: `Required for role ${input.role}` }]);
  }
  if (input.partyId !== undefined) {
    const party = await parties.require(actor.tenant, input.partyId);
    if (partyKind && party.kind !== partyKind) {
      throw new Invalid(`Invalid body: partyId: a ${input.role} user acts as a ${partyKind} party`, [
        { field: 'partyId', message: `Must be a ${partyKind} party for role ${input.role}` },
      ]);
    }
  }
  return runCreate(
    actor,
    'user',
    options,
    { ...input, email },
    async (keyRecord) => {
      const user = await createDirectoryUser(
        { email, role: input.role, tenant: actor.tenant, ...(input.partyId !== undefined ? { party: input.partyId } : {}) },
        options.pool,
      );
      const created: UserView = compact({ sub: user.sub, email: user.email, role: user.role, tenant: user.tenant, partyId: user.party });
      const response = { status: 201, data: created };
      await transact([
        ['audit', putAudit(actor.tenant, auditEntry(actor, 'USER_CREATE', 'USER', created.sub, { after: created }))],
        ...keyRecord(response),
      ]);
      return response;
    },
  );
}
