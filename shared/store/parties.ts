import type { Party, PartyKind } from '../domain/parties.js';
import { entityStore } from './entities.js';
import { indexKeys, keys } from './keys.js';
import type { Lookup } from './lookups.js';

/** A tax id is unique among the tenant's parties of one kind (RFCs compare case-insensitively). */
export const taxIdLookup = (kind: PartyKind, taxId: string): Lookup => ({ name: `tax-id:${kind}`, value: taxId.toUpperCase() });

/** An external id (the original server's id) is unique among the tenant's parties of one kind, in any case. */
export const partyExternalIdLookup = (kind: PartyKind, externalId: string): Lookup => ({ name: `external-id:${kind}`, value: externalId.toLowerCase() });

export const parties = entityStore<Party>({
  type: 'PARTY',
  label: 'Party',
  key: keys.party,
  indexes: (t, p) => ({
    gsi1pk: indexKeys.parties(t),
    gsi1sk: `${p.kind}#${p.id}`,
    gsi2pk: p.parentId ? indexKeys.children(t, p.parentId) : undefined,
    gsi2sk: p.parentId ? `${p.kind}#${p.id}` : undefined,
  }),
  lookups: (p) => [
    ...(p.taxId ? [{ ...taxIdLookup(p.kind, p.taxId), field: 'taxId' }] : []),
    ...(p.externalId ? [{ ...partyExternalIdLookup(p.kind, p.externalId), field: 'externalId' }] : []),
  ],
});
