import type { Currency } from '../../domain/money.js';
import { charges } from '../../store/charges.js';
import { type Actor, patchFields, present } from '../context.js';
import { Conflict, Invalid } from '../errors.js';
import { updateEntity } from '../insert-entity.js';
import type { Charge } from '../model.js';
import { checkChargeParties, checkDates, minorOf, type MoneyInput, resolveCurrency } from './charge-rules.js';

export interface UpdateChargeCommand {
  amount?: MoneyInput | undefined;
  currency?: Currency | undefined;
  number?: string | null | undefined;
  code?: string | null | undefined;
  externalId?: string | null | undefined;
  description?: string | null | undefined;
  issueDate?: string | null | undefined;
  dueDate?: string | null | undefined;
  lateFee?: MoneyInput | null | undefined;
  communityId?: string | null | undefined;
  contractId?: string | null | undefined;
}

export async function updateCharge(actor: Actor, id: string, command: UpdateChargeCommand, idempotencyKey?: string): Promise<Charge> {
  if (Object.values(command).every((v) => v === undefined)) throw new Invalid('Nothing to update: send at least one field');
  await checkChargeParties(actor.tenant, {
    ...(present(command.communityId) ? { communityId: command.communityId } : {}),
    ...(present(command.contractId) ? { contractId: command.contractId } : {}),
  });
  return updateEntity(charges, actor, id, 'Charge', (before, now) => {
    if (before.voided) throw new Conflict('Charge is void and can no longer change');
    const currency = resolveCurrency(command, before.currency)!;
    const paid = before.paidAmount ?? 0;
    if (currency !== before.currency && paid > 0) throw new Conflict('The currency of a charge with payments applied cannot change');
    const after: Charge = { ...before, currency, updatedAt: now, updatedBy: actor.sub };
    if (command.amount !== undefined) after.amount = minorOf(command.amount);
    if (command.lateFee === null) delete after.lateFee;
    else if (command.lateFee !== undefined) after.lateFee = minorOf(command.lateFee);
    const { number, code, externalId, description, issueDate, dueDate, communityId, contractId } = command;
    patchFields(after, { number, code, externalId, description, issueDate, dueDate, communityId, contractId });
    checkDates(after.issueDate, after.dueDate);
    if (after.amount + (after.lateFee ?? 0) < paid) throw new Conflict(`The amount due cannot go below the ${paid} minor units already paid`);
    return after;
  }, undefined, { key: idempotencyKey, scope: 'ledger.charge.update', request: { id, command } });
}

/** Voids a charge (it stays, with status `void`); repeating is harmless. A charge with payments applied cannot be voided. */
export function voidCharge(actor: Actor, id: string, idempotencyKey?: string): Promise<Charge> {
  return updateEntity(
    charges,
    actor,
    id,
    'Charge',
    (before, now) => {
      if (before.voided) return undefined;
      if ((before.paidAmount ?? 0) > 0) throw new Conflict('Charge has payments applied; reverse or delete them first');
      return { ...before, voided: true, updatedAt: now, updatedBy: actor.sub };
    },
    'CHARGE_VOID',
    { key: idempotencyKey, scope: 'ledger.charge.delete', request: { id } },
  );
}
