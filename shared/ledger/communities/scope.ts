/**
 * Who may see what in the communities API (seed 003): communities, contracts and residents are
 * ledger parties (contract → community, resident → contract). ADMIN reaches anything of its tenant;
 * a RESIDENT only its own contract and its own records. Anything else is a 404, never a 403, so a
 * resident cannot learn another contract exists.
 */
import type { Principal } from '../../auth/principal.js';
import type { PartyKind } from '../../domain/parties.js';
import { parties } from '../../store/parties.js';
import { Invalid, NotFound } from '../errors.js';
import type { Party } from '../model.js';

export const isAdmin = (principal: Principal) => principal.roles.includes('ADMIN');

const LABELS: Partial<Record<PartyKind, string>> = { community: 'Comunidad', contract: 'Contrato', resident: 'Residente' };

/** A party of that kind in the caller's tenant, or a 404 naming it. */
export async function requireParty(tenant: string, kind: 'community' | 'contract' | 'resident', id: string): Promise<Party> {
  const party = await parties.get(tenant, id);
  if (!party || party.kind !== kind) throw new NotFound(LABELS[kind]!);
  return party;
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
export async function readableContract(principal: Principal, contractId: string): Promise<Party> {
  if (!isAdmin(principal)) {
    const resident = await callerResident(principal);
    if (resident?.parentId !== contractId) throw new NotFound('Contrato');
  }
  return requireParty(principal.tenant, 'contract', contractId);
}

/** A community the caller may read: ADMIN only (a resident's answer is the same 404 as a missing one). */
export async function readableCommunity(principal: Principal, communityId: string): Promise<Party> {
  if (!isAdmin(principal)) throw new NotFound('Comunidad');
  return requireParty(principal.tenant, 'community', communityId);
}

/** The community of a contract (its parent). */
export function communityOf(contract: Party): string {
  return contract.parentId ?? '';
}

/** Whose resident charges or payments a list shows: a resident's (`/my` is the caller's), a community's or the tenant's. */
export type ResidentListScope = { tenant: true } | { residentId: string } | { communityId: string } | { mine: true };

/** Checks a resident list's scope (404 for a missing resident or community) and names whose list it is. */
export async function resolveResidentScope(principal: Principal, scope: ResidentListScope): Promise<Exclude<ResidentListScope, { mine: true }>> {
  if ('mine' in scope) return { residentId: (await requireCallerResident(principal)).id };
  if ('residentId' in scope) await requireParty(principal.tenant, 'resident', scope.residentId);
  if ('communityId' in scope) await readableCommunity(principal, scope.communityId);
  return scope;
}
