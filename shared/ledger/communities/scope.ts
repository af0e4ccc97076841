/**
 * Who may see what in the communities API (seed 003): communities, contracts and residents are
 * ledger parties (contract → community, resident → contract). ADMIN reaches anything of its tenant;
 * a RESIDENT only its own contract and its own records. Anything else is a 404, never a 403, so a
 * resident cannot learn another contract exists.
 */
import type { Principal } from '../../auth/principal.js';
import { externalIdsOf, type KnownIds, type PartyKind } from '../../domain/parties.js';
import { parties } from '../../store/parties.js';
import { Invalid, NotFound } from '../errors.js';
import type { Party } from '../model.js';
import { findPartyByRef } from '../parties/resolve-party.js';

export const isAdmin = (principal: Principal) => principal.roles.includes('ADMIN');

const LABELS: Partial<Record<PartyKind, string>> = { community: 'Comunidad', contract: 'Contrato', resident: 'Residente' };

type CommunityKind = 'community' | 'contract' | 'resident';

/**
 * The party of that kind in the caller's tenant that `ref` names (Caja's id or its externalId,
 * issue 13 item 13), or a 404 naming it. Callers go on with `party.id`, never the reference.
 */
export async function requireParty(tenant: string, kind: CommunityKind, ref: string): Promise<Party> {
  const party = await findPartyByRef(tenant, kind, ref);
  if (!party) throw new NotFound(LABELS[kind]!);
  return party;
}

/** Whether `ref` (Caja's id or an externalId) names the party whose Caja id is `id`. */
export async function namesParty(tenant: string, kind: CommunityKind, ref: string, id: string | undefined): Promise<boolean> {
  return ref === id || (id !== undefined && (await findPartyByRef(tenant, kind, ref))?.id === id);
}

/** The resident party the caller acts as, or undefined (an admin, or a token without a resident). */
export async function callerResident(principal: Principal): Promise<Party | undefined> {
  if (!principal.party) return undefined;
  const party = await parties.get(principal.tenant, principal.party);
  return party?.kind === 'resident' ? party : undefined;
}

/** `GET .../my`: the caller's resident party, or 400 when the caller is not a resident. */
export async function requireCallerResident(principal: Principal): Promise<Party> {
  const resident = await callerResident(principal);
  if (!resident) throw new Invalid('Usuario no está registrado como residente.');
  return resident;
}

/** A contract the caller may read: ADMIN any of its tenant's, a RESIDENT only its own (404 otherwise). */
export async function readableContract(principal: Principal, contractRef: string): Promise<Party> {
  if (!isAdmin(principal)) {
    const resident = await callerResident(principal);
    if (!resident || !(await namesParty(principal.tenant, 'contract', contractRef, resident.parentId))) throw new NotFound('Contrato');
  }
  return requireParty(principal.tenant, 'contract', contractRef);
}

/** A community the caller may read: ADMIN only (a resident's answer is the same 404 as a missing one). */
export async function readableCommunity(principal: Principal, communityId: string): Promise<Party> {
  if (!isAdmin(principal)) throw new NotFound('Comunidad');
  return requireParty(principal.tenant, 'community', communityId);
}

/**
 * The ids the client knows a contract and its community by, kept on the cargos and pagos written for
 * it so lists render them without reading parties: one GetItem of the community, on writes only.
 */
export async function knownIdsOfContract(tenant: string, contract: Party): Promise<KnownIds> {
  const community = contract.parentId ? await parties.get(tenant, contract.parentId) : undefined;
  return externalIdsOf(contract, community);
}

/** The community of a contract (its parent). */
export function communityOf(contract: Party): string {
  return contract.parentId ?? '';
}

/** Whose resident charges or payments a list shows: a resident's (`/my` is the caller's), a community's or the tenant's. */
export type ResidentListScope = { tenant: true } | { residentId: string } | { communityId: string } | { mine: true };

/** Checks a resident list's scope (404 for a missing resident or community) and names whose list it is, by Caja's ids. */
export async function resolveResidentScope(principal: Principal, scope: ResidentListScope): Promise<Exclude<ResidentListScope, { mine: true }>> {
  if ('mine' in scope) return { residentId: (await requireCallerResident(principal)).id };
  if ('residentId' in scope) return { residentId: (await requireParty(principal.tenant, 'resident', scope.residentId)).id };
  if ('communityId' in scope) return { communityId: (await readableCommunity(principal, scope.communityId)).id };
  return scope;
}
