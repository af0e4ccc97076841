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
import type { PartyKind } from '../domain/parties.js';
import { indexKeys } from './keys.js';

export { CATALOGUE as SEARCH_REALMS, GATEWAY_PAYMENTS, RECEIVABLES_DOCUMENT_PAYMENTS, RECEIVABLES_PAYMENTS } from './query/catalogue.js';

export interface AccessPattern<P> {
  index: 'gsi1' | 'gsi2';
  partition(tenant: string, params: P): string;
  /** A begins_with on the index sort key, when the parameters narrow the list. */
  sortPrefix?(params: P): string | undefined;
}

const pattern = <P>(entry: AccessPattern<P>) => entry;
/** Parties and charges sort by `{kind}#{id}` on their indexes: a kind narrows by prefix. */
const byKind = (params: { kind?: string | undefined }) => (params.kind ? `${params.kind}#` : undefined);

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
} as const;
