import type { Charge } from '../domain/charges.js';
import { tableName } from './client.js';
import { entityStore } from './entities.js';
import { indexKeys, keys } from './keys.js';
import type { TransactItem } from './tx.js';

export const charges = entityStore<Charge>({
  type: 'CHARGE',
  label: 'Charge',
  key: keys.charge,
  indexes: (t, c) => ({
    gsi1pk: indexKeys.partyCharges(t, c.partyId),
    gsi1sk: `${c.kind}#${c.id}`,
    gsi2pk: indexKeys.charges(t),
    gsi2sk: `${c.kind}#${c.id}`,
    // Community and resident charges are also listed by community (keys only; read by BatchGet).
    pagepk: c.communityId ? indexKeys.communityCharges(t, c.communityId) : undefined,
    pagesk: c.communityId ? `${c.kind}#${c.id}` : undefined,
  }),
});

/**
 * Applies a positive `delta` only while it fits the charge as it was read (`seen`): not void, amount
 * and late fee unchanged, and its paid amount still leaving room for `delta`. Concurrent payments
 * thus never over-apply a charge: the one that would fails this condition (named `chargeRoom`) and
 * plans again on the fresh charge.
 */
export function applyWithinDue(tenant: string, seen: Pick<Charge, 'id' | 'amount' | 'lateFee'>, delta: number): TransactItem {
  const lateFee = seen.lateFee !== undefined ? 'lateFee = :lateFee' : 'attribute_not_exists(lateFee)';
  return {
    Update: {
      TableName: tableName(),
      Key: keys.charge(tenant, seen.id),
      UpdateExpression: 'ADD paidAmount :delta, version :one',
      ConditionExpression: `attribute_exists(pk) AND voided = :false AND amount = :amount AND ${lateFee} AND (attribute_not_exists(paidAmount) OR paidAmount <= :ceiling)`,
      ExpressionAttributeValues: {
        ':delta': delta,
        ':one': 1,
        ':false': false,
        ':amount': seen.amount,
        ':ceiling': seen.amount + (seen.lateFee ?? 0) - delta,
        ...(seen.lateFee !== undefined ? { ':lateFee': seen.lateFee } : {}),
      },
    },
  };
}

/** The transaction item name of guarded applications (see applyWithinDue). */
export const CHARGE_ROOM = 'chargeRoom';

/** Applies `delta` minor units to a charge's paid amount inside a payment's transaction. */
export function applyToCharge(tenant: string, chargeId: string, delta: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.charge(tenant, chargeId),
      UpdateExpression: 'ADD paidAmount :delta, version :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':delta': delta, ':one': 1 },
    },
  };
}
