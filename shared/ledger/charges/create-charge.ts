import type { ChargeKind } from '../../domain/charges.js';
import type { Currency } from '../../domain/money.js';
import { charges } from '../../store/charges.js';
import { type Actor, compact, tenantToday } from '../context.js';
import { type Created, createOnce } from '../create-once.js';
import { Invalid, issue } from '../errors.js';
import { insertEntity } from '../insert-entity.js';
import type { Charge } from '../model.js';
import { checkChargeParties, checkDates, minorOf, type MoneyInput, resolveCurrency } from './charge-rules.js';

export interface CreateChargeCommand {
  kind: ChargeKind;
  partyId: string;
  amount: MoneyInput;
  currency?: Currency | undefined;
  number?: string | undefined;
  code?: string | undefined;
  externalId?: string | undefined;
  description?: string | undefined;
  issueDate?: string | undefined;
  dueDate?: string | undefined;
  lateFee?: MoneyInput | undefined;
  communityId?: string | undefined;
  contractId?: string | undefined;
  /** Derived from the parties named, not asked for: left out of the idempotency request. */
  externalIds?: Record<string, string> | undefined;
}

/** The charge as created and the tenant's date its status was first derived for: what a replay renders. */
export interface ChargeSnapshot {
  charge: Charge;
  asOf: string;
}

export async function createCharge(actor: Actor, command: CreateChargeCommand, idempotencyKey?: string): Promise<Created<ChargeSnapshot>> {
  const currency = resolveCurrency(command);
  if (!currency) throw new Invalid('Invalid body: currency: required', issue('currency', 'Required'));
  checkDates(command.issueDate, command.dueDate);
  await checkChargeParties(actor.tenant, command);
  const asOf = await tenantToday(actor.tenant);
  const { externalIds, ...request } = command;
  return createOnce<ChargeSnapshot>(actor.tenant, { key: idempotencyKey, scope: 'ledger.charge', request }, async (keyRecord, id) => {
    const now = new Date().toISOString();
    const charge: Charge = compact({
      id,
      kind: command.kind,
      partyId: command.partyId,
      amount: minorOf(command.amount),
      currency,
      paidAmount: 0,
      number: command.number,
      code: command.code,
      externalId: command.externalId,
      description: command.description,
      issueDate: command.issueDate,
      dueDate: command.dueDate,
      lateFee: command.lateFee !== undefined ? minorOf(command.lateFee) : undefined,
      communityId: command.communityId,
      contractId: command.contractId,
      externalIds,
      voided: false,
      createdBy: actor.sub,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const snapshot = { charge, asOf };
    await insertEntity(charges, actor, charge, keyRecord(snapshot));
    return snapshot;
  });
}
