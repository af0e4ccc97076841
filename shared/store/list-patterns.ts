/**
 * The list patterns of the access-pattern catalogue (./access-patterns.ts): one index, a partition
 * key and an optional sort-key prefix each. One export per pattern, so a bundle carries only the
 * patterns its routes read (esbuild drops the unused ones; it could not drop a property of one object).
 */
import type { ChargeKind } from '../domain/charges.js';
import type { CommunityPaymentDetails } from '../domain/community.js';
import type { PartyKind } from '../domain/parties.js';
import { indexKeys } from './keys.js';

/** The indexes list patterns read: two overloaded full-item GSIs and the keys-only `pages` index. */
export type ListIndex = 'gsi1' | 'gsi2' | 'pages';

/** A list on an index; entity stores read the full-item indexes, paged lists (./paged-lists.ts) any. */
export interface AccessPattern<P, I extends ListIndex = 'gsi1' | 'gsi2'> {
  index: I;
  partition(tenant: string, params: P): string;
  /** A begins_with on the index sort key, when the parameters narrow the list. */
  sortPrefix?(params: P): string | undefined;
}

/** Parties and charges sort by `{kind}#{id}` on their indexes: a kind narrows by prefix. */
const byKind = (params: { kind?: string | undefined }) => (params.kind ? `${params.kind}#` : undefined);
/** Communities payments sort by `{record}#{id}`. */
const byRecord = (params: { record: CommunityRecord }) => `${params.record}#`;
type CommunityRecord = CommunityPaymentDetails['record'];

/** Parties of the tenant, optionally of one kind. */
export const partiesOfTenant: AccessPattern<{ kind?: PartyKind | undefined }> = { index: 'gsi1', partition: (t) => indexKeys.parties(t), sortPrefix: byKind };
/** Children of a party (ventanas of a banca…), optionally of one kind. */
export const childrenOfParty: AccessPattern<{ parentId: string; kind?: PartyKind | undefined }> = {
  index: 'gsi2',
  partition: (t, p) => indexKeys.children(t, p.parentId),
  sortPrefix: byKind,
};
/** Charges of a party, optionally of one kind. */
export const chargesOfParty: AccessPattern<{ partyId: string; kind?: ChargeKind | undefined }> = {
  index: 'gsi1',
  partition: (t, p) => indexKeys.partyCharges(t, p.partyId),
  sortPrefix: byKind,
};
/** Charges of the tenant, optionally of one kind. */
export const chargesOfTenant: AccessPattern<{ kind?: ChargeKind | undefined }> = { index: 'gsi2', partition: (t) => indexKeys.charges(t), sortPrefix: byKind };

// Communities API (seed 003). Community and resident charges of a community share one keys-only
// partition, told apart by kind; its payments are `pago`, `resident` or `history` records.
/** Community or resident charges of a community (keys only). */
export const chargesOfCommunity: AccessPattern<{ communityId: string; kind: ChargeKind }, 'pages'> = {
  index: 'pages',
  partition: (t, p) => indexKeys.communityCharges(t, p.communityId),
  sortPrefix: byKind,
};
/** Communities payments of a contract (pagos; active histories) or of a resident (their pagos). */
export const communityPaymentsOfParty: AccessPattern<{ partyId: string; record: CommunityRecord }> = {
  index: 'gsi1',
  partition: (t, p) => indexKeys.communityPaymentsOf(t, p.partyId),
  sortPrefix: byRecord,
};
/** Every resident pago, or every payment history (active and not), of the tenant. */
export const communityRecordsOfTenant: AccessPattern<{ record: 'resident' | 'history' }> = {
  index: 'gsi2',
  partition: (t) => indexKeys.communityRecords(t),
  sortPrefix: byRecord,
};
/** Community pagos or resident pagos of a community (keys only). */
export const communityPaymentsOfCommunity: AccessPattern<{ communityId: string; record: 'pago' | 'resident' }, 'pages'> = {
  index: 'pages',
  partition: (t, p) => indexKeys.communityPayments(t, p.communityId),
  sortPrefix: byRecord,
};
/** Active payment histories of the tenant (keys only; soft-deleted ones leave it). */
export const activeHistoriesOfTenant: AccessPattern<Record<string, never>, 'pages'> = { index: 'pages', partition: (t) => indexKeys.activeHistories(t) };
