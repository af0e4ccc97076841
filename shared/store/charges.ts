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
  }),
});

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
