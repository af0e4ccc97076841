/**
 * The accounts e2e tests' network, built through the ledger API over HTTP with real tokens:
 *
 *   banca ─┬─ ventana ── vendedor
 *          └─ ventana2     (vendedor2 under `ventana2`, or under `ventana` when asked)
 */
import { expect } from 'vitest';
import { api } from './http.js';
import { newTenant, token } from './tokens.js';

export interface AccountsNetwork {
  tenant: string;
  admin: string;
  ventanaToken: string;
  vendedorToken: string;
  ids: { banca: string; ventana: string; ventana2: string; vendedor: string; vendedor2: string };
}

/** The accounts dialect's error envelope for `code`. */
export const accountsErrorEnvelope = (code: string) => ({
  success: false,
  message: expect.any(String),
  meta: expect.objectContaining({ code, requestId: expect.any(String) }),
});

/** `POST /ledger/parties` as `admin`, expecting 201: the new party's id. */
export async function createPartyOverHttp(admin: string, body: Record<string, unknown>): Promise<string> {
  const res = await api('POST', '/ledger/parties', { token: admin, body });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

export async function accountsNetwork(options: { vendedor2Under: 'ventana' | 'ventana2' }): Promise<AccountsNetwork> {
  const tenant = newTenant();
  const admin = await token({ role: 'ADMIN', tenant, sub: 'e2e-admin' });
  const createParty = (body: Record<string, unknown>) => createPartyOverHttp(admin, body);
  const banca = await createParty({ kind: 'banca', name: 'Banca Central' });
  const [ventana, ventana2] = await Promise.all([
    createParty({ kind: 'ventana', name: 'Ventana Norte', parentId: banca }),
    createParty({ kind: 'ventana', name: 'Ventana Sur', parentId: banca }),
  ]);
  const [vendedor, vendedor2] = await Promise.all([
    createParty({ kind: 'vendedor', name: 'Carlos Mora', parentId: ventana }),
    createParty({ kind: 'vendedor', name: 'Ana Solís', parentId: options.vendedor2Under === 'ventana' ? ventana : ventana2 }),
  ]);
  return {
    tenant,
    admin,
    ventanaToken: await token({ role: 'VENTANA', tenant, party: ventana, sub: 'e2e-ventana' }),
    vendedorToken: await token({ role: 'VENDEDOR', tenant, party: vendedor, sub: 'e2e-vendedor' }),
    ids: { banca, ventana, ventana2, vendedor, vendedor2 },
  };
}
