/**
 * The accounts API's rules of access (seed 001) around the pure scope in domain/account-scope.ts:
 * which role may act, which entity a request names, whether the caller's scope reaches it.
 */
import type { Principal } from '../../auth/principal.js';
import {
  type Access,
  type AccountActor,
  type AccountKind,
  accountActor,
  ancestorsNeeded,
  type Dimensions,
  mayAccess,
  resolveDimension,
  roleMay,
} from '../../domain/account-scope.js';
import { checkNotFuture } from '../../domain/dates.js';
import type { Party } from '../../domain/parties.js';
import { parties } from '../../store/parties.js';
import { findPartyByRef } from '../parties/resolve-party.js';
import { getPayment } from '../../store/payments.js';
import { Forbidden, Invalid, issue, NotFound } from '../errors.js';
import type { Payment } from '../model.js';

/** The banca, ventana or vendedor whose account a request reads or moves. */
export interface AccountEntity {
  kind: AccountKind;
  id: string;
  party: Party;
}

const LABEL: Record<AccountKind, string> = { banca: 'Banca', ventana: 'Ventana', vendedor: 'Vendedor' };

export function requireActor(principal: Principal, access: Access): AccountActor {
  const actor = accountActor(principal);
  if (!actor || !roleMay(actor, access)) {
    throw new Forbidden(actor?.role === 'VENDEDOR' ? 'A vendedor may not register or reverse payments' : 'Not allowed for this role');
  }
  return actor;
}

export function dimensionOf(named: Dimensions, actor: AccountActor): { kind: AccountKind; id: string } {
  const result = resolveDimension(named, actor);
  if (result.ok) return result;
  if (result.reason === 'missing') {
    throw new Invalid('Provide one of bancaId, ventanaId or vendedorId', issue('bancaId|ventanaId|vendedorId', 'Exactly one is required'), 'MISSING_DIMENSION');
  }
  throw new Invalid(
    `Provide only one of bancaId, ventanaId or vendedorId (got ${result.fields.join(', ')})`,
    result.fields.map((f) => ({ field: f, message: 'Mutually exclusive with the other dimensions' })),
  );
}

export function assertNotFuture(date: string, time: string | undefined, now: Date, timeZone: string): void {
  const check = checkNotFuture(date, time, now, timeZone);
  if (check === 'future_date') throw new Invalid('Date cannot be in the future', issue('date', 'Cannot be in the future'), 'FUTURE_DATE');
  if (check === 'future_time') {
    throw new Invalid('Time cannot be in the future for today', issue('time', 'Cannot be in the future for today'), 'FUTURE_TIME');
  }
}

async function inScope(tenant: string, actor: AccountActor, access: Access, party: Party): Promise<boolean> {
  const ancestors: Party[] = [];
  let next = party.parentId;
  for (let i = 0; i < ancestorsNeeded(actor, party) && next; i++) {
    const parent = await parties.get(tenant, next);
    if (!parent) break;
    ancestors.push(parent);
    next = parent.parentId;
  }
  return mayAccess(actor, access, party, ancestors);
}

/**
 * The entity named (or defaulted) by the dimension, by Caja's id or its externalId: it must exist in
 * the caller's tenant with the named kind (404 otherwise: another tenant's id looks exactly like a
 * missing one) and be within the caller's scope (403), judged on the party found whichever id named it. New money is not recorded against a deactivated entity (404).
 */
export async function loadEntity(
  tenant: string,
  actor: AccountActor,
  dim: { kind: AccountKind; id: string },
  access: Access,
  requireActive: boolean,
): Promise<AccountEntity> {
  const party = await findPartyByRef(tenant, dim.kind, dim.id);
  if (!party || (requireActive && !party.active)) throw new NotFound(LABEL[dim.kind]);
  if (!(await inScope(tenant, actor, access, party))) throw new Forbidden(`Not allowed for this ${dim.kind}`);
  return { kind: dim.kind, id: party.id, party };
}

export const paymentNotFound = () => new NotFound('Payment', 'PAYMENT_NOT_FOUND');

/** An accounts payment of the caller's tenant, or PAYMENT_NOT_FOUND. */
export async function requireAccountPayment(tenant: string, id: string): Promise<Payment> {
  const payment = await getPayment(tenant, id, true);
  if (!payment || payment.source !== 'accounts' || payment.deleted || !payment.entityId) throw paymentNotFound();
  return payment;
}

/**
 * The entity of an accounts payment, if the caller's scope reaches it. Out of scope is
 * PAYMENT_NOT_FOUND: the caller names an object, not an entity, and SPEC §4 says another party's
 * object is a 404.
 */
export async function entityOfPayment(tenant: string, actor: AccountActor, payment: Payment): Promise<AccountEntity> {
  const party = await parties.get(tenant, payment.entityId as string);
  const kind = payment.entityKind as AccountKind;
  if (!party || party.kind !== kind || !(await inScope(tenant, actor, 'write', party))) throw paymentNotFound();
  return { kind, id: party.id, party };
}
