import { parties } from '../../store/parties.js';
import { type Actor, patchFields, present } from '../context.js';
import { Invalid } from '../errors.js';
import { updateEntity } from '../insert-entity.js';
import type { Party } from '../model.js';
import { assertExternalIdKept, externalIdOrThrow, taxIdOrThrow } from './party-rules.js';

export interface UpdatePartyCommand {
  name?: string | undefined;
  taxId?: string | null | undefined;
  email?: string | null | undefined;
  externalId?: string | null | undefined;
  active?: boolean | undefined;
}

export async function updateParty(actor: Actor, id: string, command: UpdatePartyCommand, idempotencyKey?: string): Promise<Party> {
  if (Object.values(command).every((v) => v === undefined)) throw new Invalid('Nothing to update: send at least one field');
  const taxId = present(command.taxId) ? taxIdOrThrow(command.taxId) : command.taxId;
  if (present(command.externalId)) await externalIdOrThrow(actor.tenant, (await parties.require(actor.tenant, id)).kind, command.externalId, id);
  return updateEntity(parties, actor, id, 'Party', (before, now) => {
    assertExternalIdKept(before, command.externalId);
    const after: Party = { ...before, updatedAt: now };
    if (command.name !== undefined) after.name = command.name;
    if (command.active !== undefined) after.active = command.active;
    patchFields(after, { taxId, email: command.email, externalId: command.externalId });
    return after;
  }, undefined, { key: idempotencyKey, scope: 'ledger.party.update', request: { id, command } });
}

/** Deactivates (the party stays for the payments and charges that reference it); repeating is harmless. */
export function deactivateParty(actor: Actor, id: string, idempotencyKey?: string): Promise<Party> {
  return updateEntity(
    parties,
    actor,
    id,
    'Party',
    (before, now) => (before.active ? { ...before, active: false, updatedAt: now } : undefined),
    'PARTY_DEACTIVATE',
    { key: idempotencyKey, scope: 'ledger.party.delete', request: { id } },
  );
}
