import type { Page } from '../page.js';
import { PARENT_KIND, type PartyKind } from '../../domain/parties.js';
import { childrenOfParty, partiesOfTenant } from '../../store/access-patterns.js';
import type { PageRequest } from '../../store/entities.js';
import { partyByExternalId } from '../../store/holders.js';
import { parties } from '../../store/parties.js';
import { Invalid, issue } from '../errors.js';
import type { Party } from '../model.js';
import { partyIdOfRef } from './resolve-party.js';

export interface ListPartiesQuery extends PageRequest {
  kind?: PartyKind | undefined;
  /** Caja's id of the parent; with `kind`, also the parent kind's externalId. */
  parentId?: string | undefined;
  /** The one party of `kind` carrying this externalId (issue 13 item 13); not with parentId. */
  externalId?: string | undefined;
}

/** Parties of the tenant, or children of one party, optionally of one kind; or the party of a kind with an externalId. */
export async function listParties(tenant: string, q: ListPartiesQuery): Promise<Page<Party>> {
  if (q.externalId !== undefined) {
    if (!q.kind) throw new Invalid('Invalid query: kind: required with externalId', issue('kind', 'Required with externalId (unique per kind)'));
    if (q.parentId !== undefined) throw new Invalid('Invalid query: parentId: not with externalId', issue('parentId', 'Not with externalId'));
    const party = await partyByExternalId(tenant, q.kind, q.externalId);
    return { items: party ? [party] : [], nextCursor: null };
  }
  const page = { limit: q.limit, cursor: q.cursor };
  if (q.parentId === undefined) return parties.list(tenant, partiesOfTenant, { kind: q.kind }, page);
  const parentKind = q.kind && PARENT_KIND[q.kind];
  const parentId = parentKind ? await partyIdOfRef(tenant, parentKind, q.parentId) : q.parentId;
  return parties.list(tenant, childrenOfParty, { parentId, kind: q.kind }, page);
}
