/**
 * Record an accounts payment or collection (seed 001): checks who may move which entity's account
 * on which day, then records it through the ledger's payment core (payment, statement change and
 * audit entry in one transaction). Answers the canonical payment and the day's statement as it is
 * now (on a replay too: the statement may have moved on since the first answer).
 */
import type { Dimensions } from '../../domain/account-scope.js';
import { toMinorUnits } from '../../domain/money.js';
import { externalIdsOf } from '../../domain/parties.js';
import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import type { Created } from '../create-once.js';
import type { Payment } from '../model.js';
import { recordPayment } from '../payments/record-payment.js';
import { onStatementWhenRecorded, settledDayError } from '../payments/statement-effect.js';
import { statementDay, statementDayId } from '../../store/statements.js';
import { assertNotFuture, dimensionOf, loadEntity, requireActor } from './access.js';
import { ACCOUNT_ACTIONS, type AccountStatement, readAccountStatementAfterWrite } from './statement.js';

export interface RecordAccountPaymentCommand extends Dimensions {
  date: string;
  time?: string | undefined;
  /** Major units of the tenant's currency, as the accounts API speaks (the import's decimal text: no float on the way). */
  amount: number | string;
  /** `in`: the entity pays (lowers what it owes); `out`: money collected from it. */
  direction: Payment['direction'];
  method: string;
  notes?: string | null | undefined;
  isFinal?: boolean | undefined;
  idempotencyKey?: string | undefined;
  /** Keep the key for good, not 48 h: an imported row's (a re-run of its file, however late, finds it). */
  keyForGood?: boolean | undefined;
}

const IDEMPOTENCY_SCOPE = 'accounts.payment';

export async function recordAccountPayment(
  ctx: UseCaseContext,
  command: RecordAccountPaymentCommand,
): Promise<{ created: Created<Payment>; statement: AccountStatement | null }> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'write');
  const dim = dimensionOf(command, actor);
  // The entity is read while the tenant settings are; its 404/403 is answered after the input checks.
  const loading = loadEntity(tenant, actor, dim, 'write', true);
  loading.catch(() => undefined);
  const { timeZone, currency } = await tenantSettings(tenant);
  assertNotFuture(command.date, command.time, now, timeZone);
  const amount = toMinorUnits(command.amount, currency, 'amount');
  const entity = await loading;
  const time = command.time ?? '00:00';
  const notes = command.notes ?? null;
  const isFinal = command.isFinal ?? false;
  // The key is bound to the request under the accounts field names, as keys stored before were.
  const request = {
    scope: IDEMPOTENCY_SCOPE,
    date: command.date,
    time,
    entityKind: entity.kind,
    entityId: entity.id,
    amount,
    currency,
    type: command.direction === 'in' ? 'payment' : 'collection',
    method: command.method,
    notes,
    isFinal,
  };

  // The statement day the payment counts in: its id as stored, or the one its first write gives it.
  const day = await statementDay(tenant, entity.id, command.date, true);
  const accountStatementId = day?.id ?? statementDayId(entity.id, command.date);
  const created = await recordPayment(ctx, {
    effects: onStatementWhenRecorded(tenant),
    draft: {
      source: 'accounts',
      amount,
      currency,
      date: command.date,
      time,
      method: command.method,
      direction: command.direction,
      ...(notes !== null ? { notes } : {}),
      // The party whose account the payment moves (the counterparty in both directions).
      payerId: entity.id,
      payerName: entity.party.name,
      entityId: entity.id,
      entityKind: entity.kind,
      ...externalIdsOf(entity.party),
      accountStatementId,
      isFinal,
      recordedByName: principal.username,
      ...(command.idempotencyKey !== undefined ? { idempotencyKey: command.idempotencyKey } : {}),
      allocations: [],
    },
    idempotency: { key: command.idempotencyKey, scope: IDEMPOTENCY_SCOPE, request, ...(command.keyForGood ? { forGood: true } : {}) },
    audit: {
      action: ACCOUNT_ACTIONS.create,
      details: { entityKind: entity.kind, entityId: entity.id, ...(command.idempotencyKey ? { idempotencyKey: command.idempotencyKey } : {}) },
    },
  }).catch((error: unknown) => {
    throw settledDayError(error);
  });
  // A replay's request matched the first one, so its day is this request's day.
  return { created, statement: await readAccountStatementAfterWrite(ctx, tenant, entity, command.date, currency) };
}
