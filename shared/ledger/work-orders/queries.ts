/** Work-order payment reads (seed 000): one payment, the tenant's active ones by page, a work order's. */
import type { Principal } from '../../auth/principal.js';
import { charges } from '../../store/charges.js';
import { employeePaymentsPage, employeeWorkOrderPayments } from '../../store/employee-payments.js';
import { allWorkOrderPayments } from '../../store/payments.js';
import { sortedWorkOrderPaymentsPage, type WorkOrderSort } from '../../store/work-order-orders.js';
import { NotFound } from '../errors.js';
import type { Payment } from '../model.js';
import { employeeScope, requireVisibleWorkOrderPayment } from './work-order-payment.js';

export const getWorkOrderPayment = (principal: Principal, id: string): Promise<Payment> => requireVisibleWorkOrderPayment(principal, id);

export interface WorkOrderPaymentPage {
  content: Payment[];
  totalElements: number;
  page: number;
  size: number;
}

/** The unsorted list's order: oldest first (ids are time-ordered). */
export const DEFAULT_SORT: WorkOrderSort = { field: 'id', direction: 'asc' };

/** Active payments of the tenant (an EMPLOYEE: its own) in `sort` order, zero-based pages (total from the store's counts). */
export async function listWorkOrderPaymentsPage(principal: Principal, page: number, size: number, sort: WorkOrderSort = DEFAULT_SORT): Promise<WorkOrderPaymentPage> {
  const scope = employeeScope(principal);
  const { totalElements, content } =
    scope === undefined
      ? await sortedWorkOrderPaymentsPage(principal.tenant, sort, page * size, size)
      : await employeePaymentsPage(principal.tenant, scope, sort, page * size, size);
  return { content, totalElements, page, size };
}

/** Active payments of one work order (an EMPLOYEE: its own; 404 if the work order is not the tenant's). */
export async function listPaymentsOfWorkOrder(principal: Principal, workOrderId: string): Promise<Payment[]> {
  const workOrder = await charges.get(principal.tenant, workOrderId);
  if (!workOrder || workOrder.kind !== 'work_order') throw new NotFound('Pendiente');
  const scope = employeeScope(principal);
  return scope === undefined ? allWorkOrderPayments(principal.tenant, workOrderId) : employeeWorkOrderPayments(principal.tenant, scope, workOrderId);
}
