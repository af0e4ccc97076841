/**
 * The one catalogue of access patterns: what the ledger core may ask the store for, by name. Use
 * cases name an entry and its parameters, never a key string or an index. It holds two kinds:
 *
 * - list patterns (ACCESS_PATTERNS below): one index, a partition key and an optional sort-key
 *   prefix, paged by ./pagination.ts: the ledger's parties and charges lists;
 * - search realms (SEARCH_REALMS, defined in ./query/catalogue.ts and re-exported here): a row of
 *   filterable fields over several index patterns, from which the query planner (./query/planner.ts)
 *   picks the one a filter set satisfies: the gateway's `GET /pagos`, receivables' search next.
 *   Their GSIs are derived from them (./table.ts).
 *
 * A list pattern is a realm with one pattern and no filters; folding the lists into realms (so the
 * planner serves both) is the next step once receivables' search lands, not done here to keep the
 * list queries' key conditions and pages exactly as they are. (Point reads by id, the statements'
 * and audit partitions and the payment histories have their own store functions; see keys.ts for
 * the full key design.)
 */
import type { ChargeKind } from '../domain/charges.js';
import type { CommunityPaymentDetails } from '../domain/community.js';
import type { PartyKind } from '../domain/parties.js';
import { indexKeys } from './keys.js';

export { CATALOGUE as SEARCH_REALMS, GATEWAY_PAYMENTS, RECEIVABLES_DOCUMENT_PAYMENTS, RECEIVABLES_PAYMENTS } from './query/catalogue.js';

/** The indexes list patterns read: two overloaded full-item GSIs and the keys-only `pages` index. */
export type ListIndex = 'gsi1' | 'gsi2' | 'pages';

/** A list on an index; entity stores read the full-item indexes, paged lists (./paged-lists.ts) any. */
export interface AccessPattern<P, I extends ListIndex = 'gsi1' | 'gsi2'> {
  index: I;
  partition(tenant: string, params: P): string;
  /** A begins_with on the index sort key, when the parameters narrow the list. */
  sortPrefix?(params: P): string | undefined;
}

const pattern = <P, I extends ListIndex = 'gsi1' | 'gsi2'>(entry: AccessPattern<P, I>) => entry;
/** Parties and charges sort by `{kind}#{id}` on their indexes: a kind narrows by prefix. */
const byKind = (params: { kind?: string | undefined }) => (params.kind ? `${params.kind}#` : undefined);
/** Communities payments sort by `{record}#{id}`. */
const byRecord = (params: { record: CommunityRecord }) => `${params.record}#`;
type CommunityRecord = CommunityPaymentDetails['record'];

export const ACCESS_PATTERNS = {
  /** Parties of the tenant, optionally of one kind. */
  partiesOfTenant: pattern<{ kind?: PartyKind | undefined }>({ index: 'gsi1', partition: (t) => indexKeys.parties(t), sortPrefix: byKind }),
  /** Children of a party (ventanas of a banca…), optionally of one kind. */
  childrenOfParty: pattern<{ parentId: string; kind?: PartyKind | undefined }>({
    index: 'gsi2',
    partition: (t, p) => indexKeys.children(t, p.parentId),
    sortPrefix: byKind,
  }),
  /** Charges of a party, optionally of one kind. */
  chargesOfParty: pattern<{ partyId: string; kind?: ChargeKind | undefined }>({
    index: 'gsi1',
    partition: (t, p) => indexKeys.partyCharges(t, p.partyId),
    sortPrefix: byKind,
  }),
  /** Charges of the tenant, optionally of one kind. */
  chargesOfTenant: pattern<{ kind?: ChargeKind | undefined }>({ index: 'gsi2', partition: (t) => indexKeys.charges(t), sortPrefix: byKind }),

  // Communities API (seed 003). Community and resident charges of a community share one keys-only
  // partition, told apart by kind; its payments are `pago`, `resident` or `history` records.
  /** Community or resident charges of a community (keys only). */
  chargesOfCommunity: pattern<{ communityId: string; kind: ChargeKind }, 'pages'>({
    index: 'pages',
    partition: (t, p) => indexKeys.communityCharges(t, p.communityId),
    sortPrefix: byKind,
  }),
  /** Communities payments of a contract (pagos; active histories) or of a resident (their pagos). */
  communityPaymentsOfParty: pattern<{ partyId: string; record: CommunityRecord }>({
    index: 'gsi1',
    partition: (t, p) => indexKeys.communityPaymentsOf(t, p.partyId),
    sortPrefix: byRecord,
  }),
  /** Every resident pago, or every payment history (active and not), of the tenant. */
  communityRecordsOfTenant: pattern<{ record: 'resident' | 'history' }>({
    index: 'gsi2',
    partition: (t) => indexKeys.communityRecords(t),
    sortPrefix: byRecord,
  }),
  /** Community pagos or resident pagos of a community (keys only). */
  communityPaymentsOfCommunity: pattern<{ communityId: string; record: 'pago' | 'resident' }, 'pages'>({
    index: 'pages',
    partition: (t, p) => indexKeys.communityPayments(t, p.communityId),
    sortPrefix: byRecord,
  }),
  /** Active payment histories of the tenant (keys only; soft-deleted ones leave it). */
  activeHistoriesOfTenant: pattern<Record<string, never>, 'pages'>({ index: 'pages', partition: (t) => indexKeys.activeHistories(t) }),
} as const;
