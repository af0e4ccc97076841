import type { PartyKind } from '../../domain/parties.js';
import { parties } from '../../store/parties.js';
import { type Actor, compact } from '../context.js';
import { type Created, createOnce } from '../create-once.js';
import { insertEntity } from '../insert-entity.js';
import type { Party } from '../model.js';
import { checkParent, taxIdOrThrow } from './party-rules.js';

export interface CreatePartyCommand {
  kind: PartyKind;
  name: string;
  taxId?: string | undefined;
  email?: string | undefined;
  parentId?: string | undefined;
  externalId?: string | undefined;
}

/** A new party (active), exactly once per idempotency key. */
export async function createParty(actor: Actor, command: CreatePartyCommand, idempotencyKey?: string): Promise<Created<Party>> {
  const taxId = command.taxId !== undefined ? taxIdOrThrow(command.taxId) : undefined;
  if (command.parentId !== undefined) await checkParent(actor.tenant, command.kind, command.parentId);
  return createOnce<Party>(actor.tenant, { key: idempotencyKey, scope: 'ledger.party', request: command }, async (keyRecord, id) => {
    const now = new Date().toISOString();
    const party: Party = compact({
      id,
      kind: command.kind,
      name: command.name,
      taxId,
      email: command.email,
      parentId: command.parentId,
      externalId: command.externalId,
      active: true,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await insertEntity(parties, actor, party, keyRecord(party));
    return party;
  });
}
