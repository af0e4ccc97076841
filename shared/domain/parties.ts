import type { Currency } from './money.js';

export const PARTY_KINDS = ['client', 'employee', 'resident', 'banca', 'ventana', 'vendedor', 'community', 'contract'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** The kind a party's parent must have, for kinds that have one. */
export const PARENT_KIND: Partial<Record<PartyKind, PartyKind>> = {
  ventana: 'banca',
  vendedor: 'ventana',
  contract: 'community',
  resident: 'contract',
};

/**
 * The remaining balance an accounts entity (banca, ventana, vendedor) carried in from before Caja,
 * counted from `date` on (issue 13 item 14): signed minor units of the tenant's currency, what the
 * entity owes (negative: what it is owed). At most one per entity; setting it again replaces it.
 */
export interface OpeningBalance {
  amount: number;
  currency: Currency;
  date: string;
}

export interface Party {
  id: string;
  kind: PartyKind;
  name: string;
  taxId?: string;
  email?: string;
  parentId?: string;
  externalId?: string;
  /** Accounts entities only. */
  openingBalance?: OpeningBalance;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * A party's `externalId` (issue 13 item 13): the id a client of the original server knows it by (a
 * UUID, a code such as `ventana-001`, a Spring Long). Unique per tenant and kind, compared without
 * case (UUIDs are written both ways). Printable, no `#` (key separator) and no `/` (it must fit in
 * a path segment such as `/api/charges/contrato/{contratoId}`), no space at either end.
 */
export const EXTERNAL_ID_MAX = 100;
const EXTERNAL_ID = /^[^\s#/\p{C}](?:[^#/\p{C}]*[^\s#/\p{C}])?$/u;

/** What is wrong with an externalId, or undefined when it is well formed. */
export function externalIdProblem(value: string): string | undefined {
  if (value.length === 0) return 'Must not be empty';
  if (value.length > EXTERNAL_ID_MAX) return `At most ${EXTERNAL_ID_MAX} characters`;
  if (!EXTERNAL_ID.test(value)) return 'Printable characters only, without # or /, and no space at either end';
  return undefined;
}

/** The id a client knows a party by: its externalId when it has one, Caja's id otherwise. */
export const knownId = (party: Pick<Party, 'id' | 'externalId'>): string => party.externalId ?? party.id;

/** What a record keeps of the parties it names so it renders the ids their clients know: Caja id → externalId. */
export interface KnownIds {
  externalIds?: Record<string, string>;
}

/** The `externalIds` of a record naming these parties (absent when none has one: the record's shape is unchanged). */
export function externalIdsOf(...named: (Pick<Party, 'id' | 'externalId'> | undefined)[]): KnownIds {
  const pairs = named.flatMap((p) => (p?.externalId !== undefined ? [[p.id, p.externalId] as const] : []));
  return pairs.length > 0 ? { externalIds: Object.fromEntries(pairs) } : {};
}

/** The id the client knows for party `id` named by `record` (Caja's id when it kept no externalId for it). */
export function knownIdIn(record: KnownIds, id: string): string {
  const { externalIds } = record;
  return externalIds !== undefined && Object.hasOwn(externalIds, id) ? externalIds[id]! : id;
}
