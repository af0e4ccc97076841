/**
 * Party references as clients send them (issue 13 item 13): Caja's id, or the party's `externalId`
 * (the id the original server gave it). This is the one place a reference becomes a party; every
 * dialect's use cases read the parties they are named through it.
 *
 * A reference shaped like a Caja id is first read as one (the read the use case makes anyway); if
 * that is not a party of the wanted kind, or the reference is not id-shaped, it is looked up as an
 * externalId of that kind (one GetItem on its lookup item, then the party; a miss walks nothing:
 * store/holders.ts). Both reads are keyed by
 * the tenant, so another tenant's externalId is simply not found. No party of a kind can have an
 * externalId equal to another one's Caja id (./party-rules.ts), so the order never changes the answer.
 * Scope rules run on the party found, exactly as they do for a Caja id.
 */
import { type Party, type PartyKind } from '../../domain/parties.js';
import { isId } from '../../ids.js';
import { partyByExternalId, partyIdByExternalId } from '../../store/holders.js';
import { parties } from '../../store/parties.js';
import { NotFound } from '../errors.js';

/**
 * `found` (what a read of `ref` as a Caja id gave, in a caller's own batch) when it is a party of
 * `kind`; otherwise the party of `kind` whose externalId is `ref`.
 */
export async function partyOrByExternalId(tenant: string, kind: PartyKind, ref: string, found: Party | undefined): Promise<Party | undefined> {
  if (found?.kind === kind) return found;
  return partyByExternalId(tenant, kind, ref, { backfill: false });
}

/** The party of `kind` that `ref` names (Caja id or externalId), if any. */
export async function findPartyByRef(tenant: string, kind: PartyKind, ref: string): Promise<Party | undefined> {
  return partyOrByExternalId(tenant, kind, ref, isId(ref) ? await parties.get(tenant, ref) : undefined);
}

/** The party of `kind` that `ref` names, or a 404 naming `what`. */
export async function requirePartyByRef(tenant: string, kind: PartyKind, ref: string, what: string): Promise<Party> {
  const party = await findPartyByRef(tenant, kind, ref);
  if (!party) throw new NotFound(what);
  return party;
}

/**
 * Caja's id of the party `ref` names, for filters that key on it without reading the party: one
 * GetItem on the externalId lookup (its holder is written in the party's own transactions); a
 * reference that is no externalId of the kind is taken as Caja's id (naming nothing, it matches nothing).
 */
export async function partyIdOfRef(tenant: string, kind: PartyKind, ref: string): Promise<string> {
  return (await partyIdByExternalId(tenant, kind, ref)) ?? ref;
}
