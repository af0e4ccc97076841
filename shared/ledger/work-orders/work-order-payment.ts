/**
 * Work-order payments (seed 000) in ledger terms: who may write them, the references they name and
 * the canonical payment they describe (built here once, for create and for update alike).
 */
import type { Principal } from '../../auth/principal.js';
import type { Currency } from '../../domain/money.js';
import { toMinorUnits } from '../../domain/money.js';
import { externalIdsOf } from '../../domain/parties.js';
import { partyOrByExternalId } from '../parties/resolve-party.js';
import { getEntities } from '../../store/entities.js';
import { parties } from '../../store/parties.js';
import { charges } from '../../store/charges.js';
import { getPayment } from '../../store/payments.js';
import { Forbidden, NotFound } from '../errors.js';
import type { Charge, Party, Payment } from '../model.js';
import type { PaymentDraft } from '../payments/record-payment.js';

export const WORK_ORDER_METHODS = ['BCP', 'EFECTIVO', 'LOS_ANDES', 'OTRO'] as const;
export type WorkOrderMethod = (typeof WORK_ORDER_METHODS)[number];

/** A work-order payment as the command names it: ids are strings, the amount major units. */
export interface WorkOrderPaymentCommand {
  empleadoId: string;
  clienteId: string;
  pendienteId: string;
  monto: number | string;
  fechaPago: string;
  metodoPago: WorkOrderMethod;
  referencia?: string | null | undefined;
}

/** An EMPLOYEE records and changes only their own payments; ADMIN any. */
export function assertMayWrite(principal: Principal, employeeId: string): void {
  if (principal.roles.includes('ADMIN')) return;
  if (!principal.party || principal.party !== employeeId) {
    throw new Forbidden('An employee may record and change only their own payments');
  }
}

export const workOrderAmount = (command: Pick<WorkOrderPaymentCommand, 'monto'>, currency: Currency) =>
  toMinorUnits(command.monto, currency, 'monto', 'positive');

/**
 * The employee, client and work order a payment references, in one BatchGet by Caja's ids; an
 * employee or client not found that way is looked up by externalId (the original's Long id: issue 13
 * item 13). All must exist in the tenant (404 otherwise); an EMPLOYEE may name only itself (403),
 * judged on the employee found.
 */
async function resolveReferences(principal: Principal, command: WorkOrderPaymentCommand) {
  const { tenant } = principal;
  const [byId, byClientId, workOrder] = (await getEntities(tenant, [
    [parties, command.empleadoId],
    [parties, command.clienteId],
    [charges, command.pendienteId],
  ] as const)) as [Party | undefined, Party | undefined, Charge | undefined];
  const [employee, client] = await Promise.all([
    partyOrByExternalId(tenant, 'employee', command.empleadoId, byId),
    partyOrByExternalId(tenant, 'client', command.clienteId, byClientId),
  ]);
  assertMayWrite(principal, employee?.id ?? command.empleadoId);
  if (!employee) throw new NotFound('Empleado');
  if (!client) throw new NotFound('Cliente');
  if (!workOrder || workOrder.kind !== 'work_order') throw new NotFound('Pendiente');
  return { employee, client, workOrder };
}

/** The canonical payment a work-order command describes: the whole amount applied to its work order. */
export async function workOrderDraft(principal: Principal, command: WorkOrderPaymentCommand, currency: Currency): Promise<PaymentDraft> {
  const amount = workOrderAmount(command, currency);
  const { employee, client, workOrder } = await resolveReferences(principal, command);
  return {
    source: 'workorders',
    amount,
    currency,
    date: command.fechaPago,
    method: command.metodoPago,
    direction: 'in',
    ...(command.referencia ? { reference: command.referencia } : {}),
    payerId: client.id,
    payerName: client.name,
    employeeId: employee.id,
    employeeName: employee.name,
    ...externalIdsOf(client, employee),
    allocations: [{ chargeId: workOrder.id, amount }],
  };
}

/**
 * The employee an EMPLOYEE token is scoped to (party scope, SPEC §4); undefined for ADMIN, who sees
 * the whole tenant. An EMPLOYEE token without a party sees nothing.
 */
export function employeeScope(principal: Principal): string | undefined {
  if (principal.roles.includes('ADMIN')) return undefined;
  if (!principal.party) throw new Forbidden('An employee token must name its party');
  return principal.party;
}

/** A workorders payment the caller may see, or 404: missing, another tenant's or API's, or (EMPLOYEE) another employee's. */
export async function requireVisibleWorkOrderPayment(principal: Principal, id: string, consistent = false): Promise<Payment> {
  const payment = await requireWorkOrderPayment(principal.tenant, id, consistent);
  const scope = employeeScope(principal);
  if (scope !== undefined && payment.employeeId !== scope) throw new NotFound('Pago');
  return payment;
}

/** A workorders payment of the caller's tenant, or 404 (missing, another tenant's, or another API's). */
export async function requireWorkOrderPayment(tenant: string, id: string, consistent = false): Promise<Payment> {
  const payment = await getPayment(tenant, id, consistent);
  if (!payment || payment.source !== 'workorders') throw new NotFound('Pago');
  return payment;
}
