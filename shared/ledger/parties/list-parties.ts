import type { Page } from '../page.js';
import type { PartyKind } from '../../domain/parties.js';
import { ACCESS_PATTERNS } from '../../store/access-patterns.js';
import type { PageRequest } from '../../store/entities.js';
import { parties } from '../../store/parties.js';
import type { Party } from '../model.js';

/** Parties of the tenant, or children of one party, optionally of one kind. */
export function listParties(tenant: string, q: { kind?: PartyKind | undefined; parentId?: string | undefined } & PageRequest): Promise<Page<Party>> {
  const page = { limit: q.limit, cursor: q.cursor };
  return q.parentId
    ? parties.list(tenant, ACCESS_PATTERNS.childrenOfParty, { parentId: q.parentId, kind: q.kind }, page)
    : parties.list(tenant, ACCESS_PATTERNS.partiesOfTenant, { kind: q.kind }, page);
}
