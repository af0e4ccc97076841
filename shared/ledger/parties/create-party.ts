import type { PartyKind } from '../../domain/parties.js';
import { parties } from '../../store/parties.js';
import { type Actor, compact } from '../context.js';
import { type Created, createOnce } from '../create-once.js';
import { insertEntity } from '../insert-entity.js';
import type { Party } from '../model.js';
import { checkParent, externalIdOrThrow, taxIdOrThrow } from './party-rules.js';

export interface CreatePartyCommand {
  kind: PartyKind;
  name: string;
  taxId?: string | undefined;
  email?: string | undefined;
  /** The parent's Caja id or externalId. */
  parentId?: string | undefined;
  externalId?: string | undefined;
}

/** A new party (active), exactly once per idempotency key. */
export async function createParty(actor: Actor, command: CreatePartyCommand, idempotencyKey?: string): Promise<Created<Party>> {
  const taxId = command.taxId !== undefined ? taxIdOrThrow(command.taxId) : undefined;
  const [parent, externalId] = await Promise.all([
    command.parentId !== undefined ? checkParent(actor.tenant, command.kind, command.parentId) : undefined,
    command.externalId !== undefined ? externalIdOrThrow(actor.tenant, command.kind, command.externalId) : undefined,
  ]);
  return createOnce<Party>(actor.tenant, { key: idempotencyKey, scope: 'ledger.party', request: command }, async (keyRecord, id) => {
    const now = new Date().toISOString();
    const party: Party = compact({
      id,
      kind: command.kind,
      name: command.name,
      taxId,
      email: command.email,
      parentId: parent?.id,
      externalId,
      active: true,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await insertEntity(parties, actor, party, keyRecord(party));
    return party;
  });
}
