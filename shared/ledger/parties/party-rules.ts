/** Rules a party's fields follow, for create and update alike. */
import { externalIdProblem, PARENT_KIND, type Party, type PartyKind } from '../../domain/parties.js';
import { normalizeTaxId } from '../../domain/tax-id.js';
import { isId } from '../../ids.js';
import { parties } from '../../store/parties.js';
import { Conflict, Invalid, issue, NotFound } from '../errors.js';
import { partyOrByExternalId } from './resolve-party.js';

export function taxIdOrThrow(value: string): string {
  const result = normalizeTaxId(value);
  if (!result.ok) throw new Invalid('Invalid taxId: RUT check digit does not match', issue('taxId', 'RUT check digit does not match'));
  return result.value;
}

/**
 * A well-formed externalId that names no other party of `kind` by Caja's id (so a reference means
 * one party whichever way it is read: ./resolve-party.ts). Its uniqueness among externalIds is the
 * lookup item the party's own transaction claims (store/parties.ts): a 409 naming externalId.
 */
export async function externalIdOrThrow(tenant: string, kind: PartyKind, value: string, self?: string): Promise<string> {
  const problem = externalIdProblem(value);
  if (problem) throw new Invalid(`Invalid externalId: ${problem}`, issue('externalId', problem));
  if (isId(value) && value !== self) {
    const other = await parties.get(tenant, value);
    if (other?.kind === kind) {
      const message = `externalId ${value} is the id of another ${kind} of the tenant`;
      throw new Conflict(message, 'CONFLICT', issue('externalId', message));
    }
  }
  return value;
}

/** An externalId is set once: it may be added to a party without one, never changed or removed (copies of it render elsewhere). */
export function assertExternalIdKept(before: Pick<Party, 'externalId'>, next: string | null | undefined): void {
  if (next === undefined || before.externalId === undefined || next === before.externalId) return;
  const message = `externalId cannot be changed once set (it is ${before.externalId})`;
  throw new Conflict(message, 'CONFLICT', issue('externalId', message));
}

/** The parent `parentRef` names (Caja id or the parent kind's externalId), checked to be of the kind `kind` needs. */
export async function checkParent(tenant: string, kind: PartyKind, parentRef: string): Promise<Party> {
  const expected = PARENT_KIND[kind];
  if (!expected) throw new Invalid(`A ${kind} party takes no parent`, issue('parentId', `A ${kind} party takes no parent`));
  const byId = isId(parentRef) ? await parties.get(tenant, parentRef) : undefined;
  const parent = await partyOrByExternalId(tenant, expected, parentRef, byId);
  if (parent) return parent;
  if (!byId) throw new NotFound('Parent party');
  throw new Invalid(`The parent of a ${kind} must be a ${expected}`, issue('parentId', `Must be a ${expected} party`));
}
