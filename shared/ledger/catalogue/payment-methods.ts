import type { PaymentMethodDialect } from '../../domain/payment-methods.js';
import { insertPaymentMethod, listPaymentMethods as listStored } from '../../store/payment-methods.js';
import type { PageRequest } from '../../store/entities.js';
import { type Actor, compact } from '../context.js';
import { type Created, createOnce } from '../create-once.js';
import type { PaymentMethod } from '../model.js';
import type { Page } from '../page.js';

export interface CreatePaymentMethodCommand {
  code: string;
  name: string;
  dialect?: PaymentMethodDialect | undefined;
}

export function listPaymentMethods(tenant: string, page: PageRequest): Promise<Page<PaymentMethod>> {
  return listStored(tenant, { limit: page.limit, ...(page.cursor !== undefined ? { cursor: page.cursor } : {}) });
}

/** Adds a method to the tenant's catalogue (409 if its code exists), exactly once per idempotency key. */
export async function createPaymentMethod(actor: Actor, command: CreatePaymentMethodCommand, idempotencyKey?: string): Promise<Created<PaymentMethod>> {
  const method: PaymentMethod = compact({ code: command.code, name: command.name, dialect: command.dialect });
  return createOnce<PaymentMethod>(actor.tenant, { key: idempotencyKey, scope: 'ledger.payment-method', request: command }, async (keyRecord) => {
    await insertPaymentMethod(actor, method, keyRecord(method));
    return method;
  });
}
