/**
 * The rows of an import file (`npm run import`, README "How to import"), checked one by one: a row
 * is a party, an opening balance, a day's activity or a past accounts payment, with the columns of its record type
 * only (a value in another type's column is a misaligned row, refused). Pure: no store, no currency
 * (amounts stay decimal strings until the use case that takes them knows the tenant's currency).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { dateField, timeField } from '../../functions/accounts/schemas/fields.js';
import { emailSchema, text } from '../../functions/ledger/schemas/fields.js';
import { ACCOUNT_KINDS, type AccountKind } from '../../shared/domain/account-scope.js';
import { externalIdProblem, PARENT_KIND, PARTY_KINDS, type PartyKind } from '../../shared/domain/parties.js';
import { type AccountPaymentType, PAYMENT_TYPES } from '../../shared/dialects/accounts/render.js';
import { PAYMENT_METHODS } from '../../shared/dialects/accounts/requests.js';

/** Every column a file may have; each record type uses some (RECORD_COLUMNS). */
export const COLUMNS = [
  'record', 'id', 'kind', 'name', 'externalId', 'parent', 'taxId', 'email', 'entity', 'date', 'time', 'amount', 'type', 'method', 'notes', 'isFinal',
  'totalSales', 'totalPayouts', 'commission', 'listeroCommission', 'vendedorCommission',
] as const;
export type Column = (typeof COLUMNS)[number];

export const RECORDS = ['party', 'opening_balance', 'activity', 'payment'] as const;
export type RecordType = (typeof RECORDS)[number];

/** Where a row came from, for the report: `line 7` (CSV, its first line) or `item 3` (JSON array, 1-based). */
export interface SourceRow {
  at: string;
  values: Partial<Record<string, string>>;
}

export interface PartyRow {
  record: 'party';
  at: string;
  kind: PartyKind;
  name: string;
  externalId: string;
  /** The parent's externalId or Caja id. */
  parent?: string | undefined;
  taxId?: string | undefined;
  email?: string | undefined;
}

export interface EntityRef {
  kind: AccountKind;
  /** Caja id or externalId. */
  ref: string;
}

export interface OpeningBalanceRow {
  record: 'opening_balance';
  at: string;
  entity: EntityRef;
  date: string;
  /** Signed decimal, major units of the tenant's currency. */
  amount: string;
}

/** A day's figures (POST /api/v1/accounts/activity): positive decimals, major units of the tenant's currency. */
export interface ActivityRow {
  record: 'activity';
  at: string;
  entity: EntityRef;
  date: string;
  totalSales: string;
  totalPayouts: string;
  commission?: string | undefined;
  listeroCommission?: string | undefined;
  vendedorCommission?: string | undefined;
}

export interface PaymentRow {
  record: 'payment';
  at: string;
  /** The row's identity across runs: its `id` column, or a hash of its content (+ its occurrence among equal rows). */
  rowKey: string;
  entity: EntityRef;
  date: string;
  time?: string | undefined;
  /** Positive decimal, major units of the tenant's currency. */
  amount: string;
  type: AccountPaymentType;
  method: (typeof PAYMENT_METHODS)[number];
  notes?: string | undefined;
  isFinal: boolean;
}

export type ImportRow = PartyRow | OpeningBalanceRow | ActivityRow | PaymentRow;

export interface RejectedRow {
  at: string;
  record?: string | undefined;
  reason: string;
}

export interface CheckedRows {
  /** In the order they are imported: parties (parents first), opening balances, activity, payments (file order within each). */
  rows: ImportRow[];
  rejected: RejectedRow[];
}

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]], `Must be one of ${values.join(', ')}`);
/** An externalId (the ledger's rule), or a Caja id, which has that shape too. */
const ref = z.string().check(z.superRefine((value, ctx) => {
  const problem = externalIdProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
}));
const decimal = (signed: boolean) =>
  z.string().check(z.regex(signed ? /^-?\d{1,16}(\.\d{1,6})?$/ : /^\d{1,16}(\.\d{1,6})?$/, signed ? 'Must be a decimal such as -1500.25' : 'Must be a positive decimal such as 1500.25'));
const flag = z.pipe(
  z.optional(z.enum(['true', 'false'], 'Must be true or false')),
  z.transform((value: 'true' | 'false' | undefined) => value === 'true'),
);

const SCHEMAS = {
  party: z.strictObject({
    kind: enumOf(PARTY_KINDS),
    name: text(200),
    externalId: ref,
    parent: z.optional(ref),
    taxId: z.optional(text(50)),
    email: z.optional(emailSchema()),
  }),
  opening_balance: z.strictObject({ kind: enumOf(ACCOUNT_KINDS), entity: ref, date: dateField(), amount: decimal(true) }),
  activity: z.strictObject({
    kind: enumOf(ACCOUNT_KINDS),
    entity: ref,
    date: dateField(),
    totalSales: decimal(false),
    totalPayouts: decimal(false),
    commission: z.optional(decimal(false)),
    listeroCommission: z.optional(decimal(false)),
    vendedorCommission: z.optional(decimal(false)),
  }),
  payment: z.strictObject({
    id: z.optional(z.string().check(z.regex(/^[\x21-\x7e]{1,90}$/, 'Must be 1-90 visible characters'))),
    kind: enumOf(ACCOUNT_KINDS),
    entity: ref,
    date: dateField(),
    time: z.optional(timeField()),
    amount: decimal(false).check(z.refine((value) => /[1-9]/.test(value), 'Must be greater than 0')),
    type: enumOf(PAYMENT_TYPES),
    method: enumOf(PAYMENT_METHODS),
    notes: z.optional(z.string().check(z.maxLength(500, 'Must be at most 500 characters'))),
    isFinal: flag,
  }),
} as const;

/** How deep a kind sits under its ancestors (banca 0, ventana 1, vendedor 2): parents are imported first. */
function depth(kind: PartyKind): number {
  let levels = 0;
  for (let parent = PARENT_KIND[kind]; parent; parent = PARENT_KIND[parent]) levels++;
  return levels;
}

const hashOf = (values: Partial<Record<string, string>>) =>
  createHash('sha256')
    .update(JSON.stringify(COLUMNS.map((column) => values[column] ?? '')))
    .digest('hex')
    .slice(0, 40);

type EntityRow = OpeningBalanceRow | ActivityRow | Omit<PaymentRow, 'rowKey'>;
type Checked = { ok: true; row: PartyRow | EntityRow } | { ok: false; rejected: RejectedRow };

/** One row's typed form, or why it is refused (`field: message`, as the API names fields). */
function checkRow(source: SourceRow): Checked {
  const { record, ...values } = source.values;
  const refuse = (reason: string): Checked => ({ ok: false, rejected: { at: source.at, record, reason: `VALIDATION_ERROR: ${reason}` } });
  if (record === undefined || !(RECORDS as readonly string[]).includes(record)) return refuse(`record: Must be one of ${RECORDS.join(', ')}`);
  const parsed = SCHEMAS[record as RecordType].safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') return refuse(`${issue.keys.join(', ')}: Not a column of a ${record} row`);
    const field = issue.path.join('.');
    return refuse(`${field}: ${values[field] === undefined ? 'Required' : issue.message}`);
  }
  const { at } = source;
  if (record === 'party') return { ok: true, row: { record, at, ...(parsed.data as Omit<PartyRow, 'record' | 'at'>) } };
  const { kind, entity, id: _id, ...rest } = parsed.data as { kind: AccountKind; entity: string; id?: string };
  const row = { record, at, entity: { kind, ref: entity }, ...rest } as EntityRow;
  return { ok: true, row };
}

/**
 * Checks every row and puts the good ones in import order. Within the file, a second party with the
 * same kind and externalId, a second opening balance of one entity, a second activity of one
 * entity's day, or a second payment with the same `id` is refused (naming the first); payments without `id` are told apart by content and,
 * among equal rows, by occurrence, so a re-run of the same file finds each one's key again.
 */
export function checkRows(sources: readonly SourceRow[]): CheckedRows {
  const rejected: RejectedRow[] = [];
  const parties: PartyRow[] = [];
  const openings: OpeningBalanceRow[] = [];
  const activities: ActivityRow[] = [];
  const payments: PaymentRow[] = [];
  const seen = new Map<string, string>();
  const occurrences = new Map<string, number>();
  const firstOf = (identity: string, at: string) => {
    const first = seen.get(identity);
    if (first === undefined) seen.set(identity, at);
    return first;
  };
  for (const source of sources) {
    const checked = checkRow(source);
    if (!checked.ok) {
      rejected.push(checked.rejected);
      continue;
    }
    const { row } = checked;
    const identity =
      row.record === 'party'
        ? `party|${row.kind}|${row.externalId.toLowerCase()}`
        : row.record === 'opening_balance'
          ? `opening|${row.entity.kind}|${row.entity.ref}`
          : row.record === 'activity'
            ? `activity|${row.entity.kind}|${row.entity.ref}|${row.date}`
            : source.values.id !== undefined ? `payment|${source.values.id}` : undefined;
    const first = identity === undefined ? undefined : firstOf(identity, row.at);
    if (first !== undefined) {
      rejected.push({ at: row.at, record: row.record, reason: `VALIDATION_ERROR: duplicate of the row at ${first}` });
      continue;
    }
    if (row.record === 'party') parties.push(row);
    else if (row.record === 'opening_balance') openings.push(row);
    else if (row.record === 'activity') activities.push(row);
    else {
      const hash = hashOf(source.values);
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      payments.push({ ...row, rowKey: source.values.id ?? `${hash}.${occurrence}` });
    }
  }
  // Stable: rows of one depth keep their file order.
  parties.sort((a, b) => depth(a.kind) - depth(b.kind));
  // A day's activity before its payments: an `isFinal` payment settles the day, and a settled day's figures are fixed.
  return { rows: [...parties, ...openings, ...activities, ...payments], rejected };
}
