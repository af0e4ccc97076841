/** Ledger data for tests, written through the same store code the handlers use. */
import type { Charge } from '../../shared/domain/charges.js';
import type { Currency } from '../../shared/domain/money.js';
import type { Party, PartyKind } from '../../shared/domain/parties.js';
import { newId } from '../../shared/ids.js';
import { charges } from '../../shared/store/charges.js';
import { parties } from '../../shared/store/parties.js';
import { saveTenant } from './tenants.js';

const now = () => new Date().toISOString();

export async function createTenant(tenant: string, settings: { currency?: Currency; timeZone?: string } = {}) {
  await saveTenant(tenant, { currency: settings.currency ?? 'PEN', timeZone: settings.timeZone ?? 'America/Lima' });
}

export async function createParty(tenant: string, kind: PartyKind, extra: Partial<Party> = {}): Promise<Party> {
  const t = now();
  return parties.insert({ tenant, sub: 'fixture' }, {
    id: newId(),
    kind,
    name: `${kind} ${Math.random().toString(36).slice(2, 8)}`,
    active: true,
    createdAt: t,
    updatedAt: t,
    version: 1,
    ...extra,
  });
}

export async function createWorkOrder(tenant: string, partyId: string, amount = 100000): Promise<Charge> {
  const t = now();
  return charges.insert({ tenant, sub: 'fixture' }, {
    id: newId(),
    kind: 'work_order',
    partyId,
    amount,
    currency: 'PEN',
    paidAmount: 0,
    voided: false,
    createdAt: t,
    updatedAt: t,
    version: 1,
  });
}

/** A tenant with one employee, one client and one work order of that client. */
export async function workOrderTenant(tenant: string) {
  await createTenant(tenant);
  const employee = await createParty(tenant, 'employee', { name: 'Rosa Quispe' });
  const client = await createParty(tenant, 'client', { name: 'Comercial Andina SAC' });
  const workOrder = await createWorkOrder(tenant, client.id);
  return { employee, client, workOrder };
}

export type WorkOrderRefs = Awaited<ReturnType<typeof workOrderTenant>>;

/** A valid workorders create/update body for those references (ids as JSON numbers, as seed 000 shows). */
export const pagoBody = (refs: WorkOrderRefs, overrides: Record<string, unknown> = {}) => ({
  empleadoId: Number(refs.employee.id),
  clienteId: Number(refs.client.id),
  pendienteId: Number(refs.workOrder.id),
  monto: 150.5,
  fechaPago: '2024-03-15',
  metodoPago: 'BCP',
  referencia: 'OP-123456',
  ...overrides,
});
