/**
 * The data the ledger budgets run on, written through the same store code the handlers use
 * (test/support/ledger-fixtures.ts), plus tokens minted by the running local issuer.
 */
import { randomUUID } from 'node:crypto';
import type { LocalStack } from '../../lib/local/stack.js';
import { createParty, createTenant, createWorkOrder, workOrderTenant } from '../support/ledger-fixtures.js';
import type { GatewayClient } from './http.js';
import type { Recorder } from './recorder.js';

export interface BenchContext {
  stack: LocalStack;
  recorder: Recorder;
  http: GatewayClient;
}

export interface WorkordersTenant {
  tenant: string;
  token: string;
  employeeId: string;
  clientId: string;
  workOrderId: string;
  /** A second work order of the same client, with few payments. */
  smallWorkOrderId: string;
  body(workOrderId?: string): Record<string, unknown>;
}

export async function workordersTenant(ctx: BenchContext): Promise<WorkordersTenant> {
  const tenant = `bench-wo-${randomUUID()}`;
  const { employee, client, workOrder } = await workOrderTenant(tenant);
  const small = await createWorkOrder(tenant, client.id);
  const token = ctx.stack.issuer.mint({ role: 'ADMIN', tenant, sub: 'bench-admin' });
  return {
    tenant,
    token,
    employeeId: employee.id,
    clientId: client.id,
    workOrderId: workOrder.id,
    smallWorkOrderId: small.id,
    body: (workOrderId = workOrder.id) => ({
      empleadoId: Number(employee.id),
      clienteId: Number(client.id),
      pendienteId: Number(workOrderId),
      monto: 150.5,
      fechaPago: '2024-03-15',
      metodoPago: 'BCP',
      referencia: 'OP-123456',
    }),
  };
}

export interface AccountsTenant {
  tenant: string;
  token: string;
  bancaId: string;
  ventanaId: string;
  vendedorId: string;
  /** Business days that have payments of the vendedor, oldest first. */
  days: string[];
  body(overrides?: Record<string, unknown>): Record<string, unknown>;
}

export const ACCOUNT_DAYS = 20;
export const ACCOUNT_PAYMENTS_PER_DAY = 3;
const TIMES = ['09:05', '12:30', '17:45', '19:10'];

/**
 * A banca → ventana → vendedor network; the vendedor gets ACCOUNT_PAYMENTS_PER_DAY payments on each
 * of ACCOUNT_DAYS past days, created through the gateway (POST /api/v1/accounts/payment).
 */
export async function accountsTenant(ctx: BenchContext): Promise<AccountsTenant> {
  const tenant = `bench-acct-${randomUUID()}`;
  await createTenant(tenant, { currency: 'CRC', timeZone: 'America/Costa_Rica' });
  const banca = await createParty(tenant, 'banca', { name: 'Banca Central' });
  const ventana = await createParty(tenant, 'ventana', { name: 'Ventana Norte', parentId: banca.id });
  const vendedor = await createParty(tenant, 'vendedor', { name: 'Carlos Mora', parentId: ventana.id });
  const token = ctx.stack.issuer.mint({ role: 'ADMIN', tenant, sub: 'bench-admin' });
  const days = Array.from({ length: ACCOUNT_DAYS }, (_, i) => new Date(Date.UTC(2024, 5, 1 + i)).toISOString().slice(0, 10));
  const body = (overrides: Record<string, unknown> = {}) => ({
    date: days[0],
    time: '10:00',
    vendedorId: vendedor.id,
    amount: 1500,
    type: 'payment',
    method: 'cash',
    ...overrides,
  });
  for (const [d, date] of days.entries()) {
    for (let p = 0; p < ACCOUNT_PAYMENTS_PER_DAY; p++) {
      const answer = await ctx.http.send('POST', '/api/v1/accounts/payment', {
        token,
        body: body({ date, time: TIMES[p % TIMES.length], amount: 1000 + 10 * d + p, type: p % 2 ? 'collection' : 'payment' }),
      });
      if (answer.status !== 201) throw new Error(`accounts payment: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
  }
  return { tenant, token, bancaId: banca.id, ventanaId: ventana.id, vendedorId: vendedor.id, days, body };
}
