/**
 * The demo tenant that `npm start` seeds: fixed ids so the README's curl walk-through works on
 * every fresh start. Users carry the party their token scopes them to.
 */
import type { Role } from '../../shared/auth/roles.js';
import { DEMO_TENANT } from '../../shared/auth/claims.js';

export const DEMO = {
  tenant: DEMO_TENANT,
  name: 'Caja Demo',
  country: 'CR',
  timeZone: 'America/Costa_Rica',
  currency: 'PEN',
  parties: {
    employee: { id: '1001', kind: 'employee', name: 'Rosa Quispe' },
    employee2: { id: '1002', kind: 'employee', name: 'Luis Huamán' },
    client: { id: '2001', kind: 'client', name: 'Comercial Andina SAC' },
    client2: { id: '2002', kind: 'client', name: 'Inversiones Sol del Sur' },
    banca: { id: '3001', kind: 'banca', name: 'Banca Central' },
    // The seed 001 example names this ventana by the original's id (issue 13 item 13: its externalId).
    ventana: { id: '3101', kind: 'ventana', name: 'Ventana Norte', parentId: '3001', externalId: 'ventana-001' },
    ventana2: { id: '3102', kind: 'ventana', name: 'Ventana Sur', parentId: '3001' },
    vendedor: { id: '3201', kind: 'vendedor', name: 'Carlos Mora', parentId: '3101' },
    vendedor2: { id: '3202', kind: 'vendedor', name: 'Ana Solís', parentId: '3102' },
    // communities (seed 003): a community, two contracts (houses) and a resident on each
    community: { id: '4100', kind: 'community', name: 'Condominio Los Robles' },
    contract: { id: '4201', kind: 'contract', name: 'Casa 12', parentId: '4100' },
    contract2: { id: '4202', kind: 'contract', name: 'Casa 14', parentId: '4100' },
    resident: { id: '4001', kind: 'resident', name: 'María Pérez', parentId: '4201', externalId: 'R-12' },
    resident2: { id: '4002', kind: 'resident', name: 'Jorge Vargas', parentId: '4202', externalId: 'R-14' },
  },
  /** Monthly fees of Casa 12 (community charges: due date and late fee) and charges of its resident. */
  communityCharges: {
    october: { id: '6001', partyId: '4201', contractId: '4201', communityId: '4100', amount: 45000, dueDate: '2026-10-05', lateFee: 2500, description: 'Cuota de mantenimiento octubre' },
    november: { id: '6002', partyId: '4201', contractId: '4201', communityId: '4100', amount: 45000, dueDate: '2026-11-05', description: 'Cuota de mantenimiento noviembre' },
    december: { id: '6003', partyId: '4201', contractId: '4201', communityId: '4100', amount: 45000, dueDate: '2026-12-05', description: 'Cuota de mantenimiento diciembre' },
  },
  residentCharges: {
    water: { id: '6101', partyId: '4001', contractId: '4201', communityId: '4100', amount: 8000, issueDate: '2026-11-01', description: 'Consumo de agua' },
    parking: { id: '6102', partyId: '4001', contractId: '4201', communityId: '4100', amount: 15000, issueDate: '2026-11-15', description: 'Estacionamiento de visitas' },
  },
  workOrders: {
    first: { id: '5001', partyId: '2001', amount: 50000, description: 'Instalación de fibra, Av. Arequipa 1200' },
    second: { id: '5002', partyId: '2002', amount: 120000, description: 'Mantenimiento de red, Jr. Puno 455' },
  },
} as const;

export interface DemoUser {
  sub: string;
  email: string;
  role: Role;
  party?: string;
}

/** One user per role; the token CLI uses the first user of a role unless --sub/--party say otherwise. */
export const DEMO_USERS: readonly DemoUser[] = [
  { sub: 'demo-admin', email: 'admin@demo.caja.local', role: 'ADMIN' },
  { sub: 'demo-employee', email: 'rosa@demo.caja.local', role: 'EMPLOYEE', party: DEMO.parties.employee.id },
  { sub: 'demo-banca', email: 'banca@demo.caja.local', role: 'BANCA', party: DEMO.parties.banca.id },
  { sub: 'demo-ventana', email: 'ventana@demo.caja.local', role: 'VENTANA', party: DEMO.parties.ventana.id },
  { sub: 'demo-vendedor', email: 'vendedor@demo.caja.local', role: 'VENDEDOR', party: DEMO.parties.vendedor.id },
  { sub: 'demo-resident', email: 'maria@demo.caja.local', role: 'RESIDENT', party: DEMO.parties.resident.id },
];
