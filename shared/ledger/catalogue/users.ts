import type { Role } from '../../auth/roles.js';
import type { PartyKind } from '../../domain/parties.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { parties } from '../../store/parties.js';
import { transact } from '../../store/tx.js';
import { createUser as createDirectoryUser, type PoolUserCreator } from '../../users/directory.js';
import { type Actor, compact } from '../context.js';
import { type Created, createOnce } from '../create-once.js';
import { Invalid, issue, NotFound } from '../errors.js';
import { findPartyByRef } from '../parties/resolve-party.js';

/** The kind of party a user of each role acts as, for roles scoped to a party. */
export const ROLE_PARTY_KIND: Partial<Record<Role, PartyKind>> = {
  EMPLOYEE: 'employee',
  BANCA: 'banca',
  VENTANA: 'ventana',
  VENDEDOR: 'vendedor',
  RESIDENT: 'resident',
};
/** Roles whose every request is scoped to their own party: a user of these needs one. */
const ROLES_NEEDING_PARTY: readonly Role[] = ['BANCA', 'VENTANA', 'VENDEDOR', 'RESIDENT'];

export interface CreateUserCommand {
  email: string;
  role: Role;
  partyId?: string | undefined;
}

/** A user of the tenant as the directory created it. */
export interface User {
  sub: string;
  email: string;
  role: Role;
  tenant: string;
  partyId?: string;
}

/**
 * Creates a user of the caller's tenant in the directory: the Cognito pool through `pool` (the
 * handler passes shared/users/cognito.ts), or the local issuer when no pool is configured.
 */
export async function createUser(actor: Actor, command: CreateUserCommand, options: { idempotencyKey?: string | undefined; pool?: PoolUserCreator } = {}): Promise<Created<User>> {
  const email = command.email.trim().toLowerCase();
  const partyKind = ROLE_PARTY_KIND[command.role];
  if (command.partyId === undefined && ROLES_NEEDING_PARTY.includes(command.role)) {
    throw new Invalid(`Invalid body: partyId: required for role ${command.role}`, issue('partyId', `Required for role ${command.role}`));
  }
  // The token carries Caja's id of the party: a role's own kind may name it by its externalId too.
  let partyId: string | undefined;
  if (command.partyId !== undefined) {
    const party = partyKind ? await findPartyByRef(actor.tenant, partyKind, command.partyId) : await parties.get(actor.tenant, command.partyId);
    if (!party && partyKind && (await parties.get(actor.tenant, command.partyId))) {
      throw new Invalid(`Invalid body: partyId: a ${command.role} user acts as a ${partyKind} party`, issue('partyId', `Must be a ${partyKind} party for role ${command.role}`));
    }
    if (!party) throw new NotFound('Party');
    partyId = party.id;
  }
  return createOnce<User>(actor.tenant, { key: options.idempotencyKey, scope: 'ledger.user', request: { ...command, email } }, async (keyRecord) => {
    const created = await createDirectoryUser(
      { email, role: command.role, tenant: actor.tenant, ...(partyId !== undefined ? { party: partyId } : {}) },
      options.pool,
    );
    const user: User = compact({ sub: created.sub, email: created.email, role: created.role, tenant: created.tenant, partyId: created.party });
    await transact([['audit', putAudit(actor.tenant, auditEntry(actor, 'USER_CREATE', 'USER', user.sub, { after: user }))], ...keyRecord(user)]);
    return user;
  });
}
