import type { Charge } from '../domain/charges.js';
import { MAX_TOTAL_MINOR } from '../domain/money.js';
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
  }),
});

/**
 * Applies `delta` minor units to a charge's paid amount inside a payment's transaction. An increase
 * is refused by the same write when it would take the paid amount past MAX_TOTAL_MINOR: the
 * condition fails with what the charge held (see runningTotalError in the ledger).
 */
export function applyToCharge(tenant: string, chargeId: string, delta: number): TransactItem {
  const bounded = delta > 0;
  return {
    Update: {
      TableName: tableName(),
      Key: keys.charge(tenant, chargeId),
      UpdateExpression: 'ADD paidAmount :delta, version :one',
      ConditionExpression: bounded ? 'attribute_exists(pk) AND (attribute_not_exists(paidAmount) OR paidAmount <= :ceiling)' : 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':delta': delta, ':one': 1, ...(bounded ? { ':ceiling': MAX_TOTAL_MINOR - delta } : {}) },
      ...(bounded ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    },
  };
}
