/**
 * Work-order payments (seed 000): rules and orchestration over the canonical ledger. Each mutation
 * is one transaction: the payment, the work order's paid amount, the active-payments counter, the
 * idempotency key (on create) and the audit entry.
 */
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../http/logger.js';
import type { Charge } from '../domain/charges.js';
import { parseMajor, type Currency } from '../domain/money.js';
import type { Party } from '../domain/parties.js';
import type { Payment } from '../domain/payments.js';
import { Forbidden, Invalid, NotFound } from '../ledger/errors.js';
import { newId } from '../ids.js';
import { auditEntry, putAudit } from '../store/audit.js';
import { applyToCharge, charges } from '../store/charges.js';
import { idempotent, requestHash } from '../store/idempotency.js';
import { batchGet } from '../store/items.js';
import { indexKeys, keys } from '../store/keys.js';
import {
  addToCounter,
  COUNTERS,
  getPayment,
  insertPayment,
  pageOfPayments,
  queryPayments,
  readCounter,
  replacePayment,
} from '../store/payments.js';
import { tenantSettings } from '../store/tenants.js';
import { optimistic, transact, type TxItems } from '../store/tx.js';

export const WORK_ORDER_METHODS = ['BCP', 'EFECTIVO', 'LOS_ANDES', 'OTRO'] as const;
export type WorkOrderMethod = (typeof WORK_ORDER_METHODS)[number];

export interface WorkOrderPaymentInput {
  empleadoId: string;
  clienteId: string;
  pendienteId: string;
  monto: number | string;
  fechaPago: string;
  metodoPago: WorkOrderMethod;
  referencia?: string | null | undefined;
}

const IDEMPOTENCY_SCOPE = 'workorders.create-payment';

/** An EMPLOYEE records and changes only their own payments; ADMIN any. */
function assertMayWrite(principal: Principal, employeeId: string): void {
  if (principal.roles.includes('ADMIN')) return;
  if (!principal.party || principal.party !== employeeId) {
    throw new Forbidden('An employee may record and change only their own payments');
  }
}

function toMinor(monto: number | string, currency: Currency): number {
  const parsed = parseMajor(monto, currency);
  if (!parsed.ok) {
    const message = parsed.reason === 'too_many_decimals' ? `Must have at most the decimals of ${currency}` : 'Must be a valid amount';
    throw new Invalid(`Invalid body: monto: ${message}`, [{ field: 'monto', message }]);
  }
  if (parsed.minor <= 0) throw new Invalid('Invalid body: monto: Must be greater than 0', [{ field: 'monto', message: 'Must be greater than 0' }]);
  return parsed.minor;
}

/** The employee, client and work order a payment references: all must exist in the tenant (404 otherwise). */
async function resolveReferences(tenant: string, input: WorkOrderPaymentInput) {
  const [employee, client, workOrder] = (await batchGet<Party | Charge>([
    keys.party(tenant, input.empleadoId),
    keys.party(tenant, input.clienteId),
    keys.charge(tenant, input.pendienteId),
  ])) as [Party | undefined, Party | undefined, Charge | undefined];
  if (!employee || employee.kind !== 'employee') throw new NotFound('Empleado');
  if (!client || client.kind !== 'client') throw new NotFound('Cliente');
  if (!workOrder || workOrder.kind !== 'work_order') throw new NotFound('Pendiente');
  return { employee, client, workOrder };
}

async function buildPayment(
  principal: Principal,
  input: WorkOrderPaymentInput,
  base: Pick<Payment, 'id' | 'createdAt' | 'version' | 'recordedBy'>,
  now: string,
): Promise<Payment> {
  const { currency } = await tenantSettings(principal.tenant);
  const amount = toMinor(input.monto, currency);
  const { employee, client, workOrder } = await resolveReferences(principal.tenant, input);
  return {
    ...base,
    source: 'workorders',
    amount,
    currency,
    date: input.fechaPago,
    method: input.metodoPago,
    direction: 'in',
    ...(input.referencia ? { reference: input.referencia } : {}),
    payerId: client.id,
    payerName: client.name,
    employeeId: employee.id,
    employeeName: employee.name,
    allocations: [{ chargeId: workOrder.id, amount }],
    status: 'active',
    deleted: false,
    reconciliation: 'reconciled',
    updatedAt: now,
  };
}

/** A workorders payment of the caller's tenant, or 404 (missing, another tenant's, or another API's). */
async function requirePayment(tenant: string, id: string, consistent = false): Promise<Payment> {
  const payment = await getPayment(tenant, id, consistent);
  if (!payment || payment.source !== 'workorders') throw new NotFound('Pago');
  return payment;
}

export async function createPayment(
  principal: Principal,
  input: WorkOrderPaymentInput,
  idempotencyKey: string | undefined,
  log?: Logger,
): Promise<{ payment: Payment; replayed: boolean }> {
  assertMayWrite(principal, input.empleadoId);
  const { tenant } = principal;
  // The hash is over the normalized request: 150, 150.0 and "150.00" are one amount.
  const normalized = { ...input, monto: toMinor(input.monto, (await tenantSettings(tenant)).currency), referencia: input.referencia ?? null };
  const key = idempotencyKey
    ? { tenant, scope: IDEMPOTENCY_SCOPE, key: idempotencyKey, requestHash: requestHash(normalized) }
    : undefined;
  const outcome = await idempotent(
    key,
    async (keyRecord, id) => {
      const now = new Date().toISOString();
      const payment = await buildPayment(principal, input, { id, createdAt: now, version: 1, recordedBy: principal.sub }, now);
      const { consumedWriteCapacity } = await transact([
        ...keyRecord({ status: 201, data: payment }),
        ['payment', insertPayment(tenant, payment)],
        ['workOrder', applyToCharge(tenant, input.pendienteId, payment.amount)],
        ['counter', addToCounter(tenant, COUNTERS.activeWorkOrderPayments, 1)],
        ['audit', putAudit(tenant, auditEntry(principal, 'PAYMENT_CREATE', 'PAYMENT', id, { after: payment }, now))],
      ]);
      log?.info('work-order payment created', { paymentId: id, consumedWriteCapacity });
      return payment;
    },
    newId,
  );
  return outcome.replayed
    ? { payment: outcome.stored.data as Payment, replayed: true }
    : { payment: outcome.response, replayed: false };
}

export async function getWorkOrderPayment(principal: Principal, id: string): Promise<Payment> {
  return requirePayment(principal.tenant, id);
}

/**
 * A full replacement (PUT), optimistic on the payment's version: concurrent updates are applied
 * one after another, each audited, and the work orders' paid amounts always match: none is lost.
 */
export async function updatePayment(principal: Principal, id: string, input: WorkOrderPaymentInput): Promise<Payment> {
  const { tenant } = principal;
  return optimistic('payment', async () => {
    const before = await requirePayment(tenant, id, true);
    if (before.deleted) throw new NotFound('Pago');
    assertMayWrite(principal, before.employeeId ?? '');
    assertMayWrite(principal, input.empleadoId);
    const after = await buildPayment(principal, input, {
      id,
      createdAt: before.createdAt,
      recordedBy: before.recordedBy,
      version: before.version + 1,
    }, new Date().toISOString());
    const oldOrder = before.allocations[0]?.chargeId ?? '';
    const newOrder = input.pendienteId;
    const chargeItems: TxItems =
      oldOrder === newOrder
        ? after.amount === before.amount
          ? []
          : [['workOrder', applyToCharge(tenant, newOrder, after.amount - before.amount)]]
        : [
            ['previousWorkOrder', applyToCharge(tenant, oldOrder, -before.amount)],
            ['workOrder', applyToCharge(tenant, newOrder, after.amount)],
          ];
    // A lost race re-reads: another update is applied first, a delete turns this into a 404.
    await transact([
      ['payment', replacePayment(tenant, before, after)],
      ...chargeItems,
      ['audit', putAudit(tenant, auditEntry(principal, 'PAYMENT_UPDATE', 'PAYMENT', id, { before, after }, after.updatedAt))],
    ]);
    return after;
  });
}

/** Soft delete: vigente=false, kept for audit; deleting a deleted payment again changes nothing. */
export async function deletePayment(principal: Principal, id: string): Promise<Payment> {
  const { tenant } = principal;
  return optimistic('payment', async () => {
    const before = await requirePayment(tenant, id, true);
    assertMayWrite(principal, before.employeeId ?? '');
    if (before.deleted) return before;
    const now = new Date().toISOString();
    const after: Payment = { ...before, deleted: true, status: 'deleted', updatedAt: now, version: before.version + 1 };
    await transact([
      ['payment', replacePayment(tenant, before, after)],
      ['workOrder', applyToCharge(tenant, before.allocations[0]?.chargeId ?? '', -before.amount)],
      ['counter', addToCounter(tenant, COUNTERS.activeWorkOrderPayments, -1)],
      ['audit', putAudit(tenant, auditEntry(principal, 'PAYMENT_DELETE', 'PAYMENT', id, { before, after }, now))],
    ]);
    return after;
  });
}

export interface PaymentPage {
  content: Payment[];
  totalElements: number;
  page: number;
  size: number;
}

/** Active payments of the tenant, oldest first, zero-based pages. */
export async function listPayments(principal: Principal, page: number, size: number): Promise<PaymentPage> {
  const { tenant } = principal;
  const totalElements = await readCounter(tenant, COUNTERS.activeWorkOrderPayments);
  const offset = page * size;
  const content =
    offset >= totalElements ? [] : await pageOfPayments(indexKeys.activeWorkOrderPayments(tenant), tenant, offset, size);
  return { content, totalElements, page, size };
}

/** Active payments of one work order (404 if the work order is not the tenant's). */
export async function listWorkOrderPayments(principal: Principal, workOrderId: string): Promise<Payment[]> {
  const { tenant } = principal;
  const workOrder = await charges.get(tenant, workOrderId);
  if (!workOrder || workOrder.kind !== 'work_order') throw new NotFound('Pendiente');
  const payments: Payment[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await queryPayments(tenant, { partition: indexKeys.workOrderPayments(tenant, workOrderId), limit: 100, startKey });
    payments.push(...result.items);
    startKey = result.lastKey;
  } while (startKey);
  return payments;
}
