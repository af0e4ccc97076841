/**
 * Ids never collide across processes (issue 12 item 7): several simulated Lambda instances create
 * in the same millisecond through a real handler, and an id another instance already took is
 * caught by the conditional put and retried on a fresh id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as createPago from '../../functions/workorders/create-payment.js';
import type { Party } from '../../shared/ledger/model.js';
import { transact } from '../../shared/store/tx.js';
import { createIdGenerator, newId, type IdGenerator, useIdGenerator } from '../../shared/ids.js';
import { parties } from '../../shared/store/parties.js';
import { getPayment } from '../../shared/store/payments.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoBody, workOrderTenant } from '../support/ledger-fixtures.js';

let restore: IdGenerator | undefined;
afterEach(() => {
  if (restore) useIdGenerator(restore);
  restore = undefined;
});

describe('ids across instances', () => {
  it('1,000 parallel creates on 10 instances in the same millisecond give 1,000 distinct ids, each stored by its own conditional put', async () => {
    const tenant = newTenant();
    const sameMillisecond = Date.now();
    const instances = Array.from({ length: 10 }, (_, instance) => createIdGenerator({ instance, clock: () => sameMillisecond }));
    let calls = 0;
    restore = useIdGenerator(() => instances[calls++ % instances.length]!());

    // Each create draws its id from the process generator (interleaved across the 10 instances, as
    // parallel requests would) and stores the party with the same attribute_not_exists put a create
    // makes: an id taken before fails its condition, and a repeated id inside one transaction is
    // refused outright. Ten transactions of 100 conditional puts, in parallel, keep this to a few
    // calls on DynamoDB Local; the backstop (a taken id retried on a fresh one) is the next test.
    const now = new Date().toISOString();
    const created: Party[] = Array.from({ length: 1_000 }, (_, i) => ({ id: newId(), kind: 'client', name: `client ${i}`, active: true, createdAt: now, updatedAt: now, version: 1 }));
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, batch) =>
        transact(created.slice(batch * 100, batch * 100 + 100).map((party) => {
          const item = parties.put(tenant, party);
          item.Put!.ConditionExpression = 'attribute_not_exists(pk)';
          return [party.id, item] as const;
        })),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const ids = created.map((party) => party.id);
    expect(new Set(ids).size).toBe(1_000);
    // Every put committed (a taken id would have failed its transaction); a sample from every batch reads back as written.
    const sample = created.filter((_, i) => i % 10 === 0);
    const stored = await parties.getMany(tenant, sample.map((party) => party.id));
    expect(stored.map((p) => p?.name)).toEqual(sample.map((party) => party.name));
  });

  it('a payment id another instance already took is retried on a fresh id, leaving the first payment as it was', async () => {
    const tenant = newTenant();
    const refs = await workOrderTenant(tenant);
    const admin = await token({ role: 'ADMIN', tenant });
    const first = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: 10 }) });
    expect(first.status, first.text).toBe(201);
    const takenId = String(first.body.data.id);

    // The next id drawn is the taken one (another instance, same millisecond), then fresh ones.
    const fresh = createIdGenerator();
    let handedOut = false;
    restore = useIdGenerator((now) => {
      if (handedOut) return fresh(now);
      handedOut = true;
      return takenId;
    });
    const second = await invoke(createPago, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs, { monto: 20 }) });
    expect(handedOut).toBe(true);
    expect(second.status, second.text).toBe(201);
    expect(String(second.body.data.id)).not.toBe(takenId);
    expect(await getPayment(tenant, takenId, true)).toMatchObject({ amount: 1000, version: 1 });
    expect(await getPayment(tenant, String(second.body.data.id), true)).toMatchObject({ amount: 2000 });
  });
});
