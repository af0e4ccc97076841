/**
 * Community charges (seed 003 cargos): ledger charges of kind `community_charge` owed by a contract,
 * with its community, due date (fechaDePago) and late fees (montoRecargos). Creating, changing and
 * voiding them go through the ledger's charge use cases, audited there.
 */
import { toMinorUnits } from '../../domain/money.js';
import { charges } from '../../store/charges.js';
import { tenantSettings } from '../../store/tenants.js';
import { type Actor, compact, present } from '../context.js';
import type { Created } from '../create-once.js';
import { createCharge, type ChargeSnapshot } from '../charges/create-charge.js';
import { updateCharge, voidCharge } from '../charges/update-charge.js';
import { Invalid, issue, NotFound } from '../errors.js';
import type { Charge } from '../model.js';
import { communityOf, knownIdsOfContract, requireParty } from './scope.js';

export interface CargoCommand {
  montoCargo: number;
  fechaDePago: string;
  montoRecargos?: number | null | undefined;
  notas?: string | null | undefined;
}

/** The amounts of a cargo command in minor units of the tenant's currency. */
async function amountsOf(tenant: string, command: CargoCommand) {
  const { currency } = await tenantSettings(tenant);
  const amount = toMinorUnits(command.montoCargo, currency, 'montoCargo', 'positive');
  const lateFee = present(command.montoRecargos) ? toMinorUnits(command.montoRecargos, currency, 'montoRecargos') : undefined;
  if (lateFee !== undefined && lateFee < 0) throw new Invalid('Invalid body: montoRecargos: must not be negative', issue('montoRecargos', 'Must not be negative'));
  return { currency, amount, lateFee };
}

export async function createCargo(actor: Actor, contractId: string, command: CargoCommand, idempotencyKey?: string): Promise<Created<ChargeSnapshot>> {
  const contract = await requireParty(actor.tenant, 'contract', contractId);
  const { currency, amount, lateFee } = await amountsOf(actor.tenant, command);
  return createCharge(
    actor,
    compact({
      kind: 'community_charge' as const,
      partyId: contract.id,
      contractId: contract.id,
      communityId: communityOf(contract) || undefined,
      amount,
      currency,
      dueDate: command.fechaDePago,
      lateFee,
      description: command.notas ?? undefined,
      ...(await knownIdsOfContract(actor.tenant, contract)),
    }),
    idempotencyKey,
  );
}

/** A community charge of the tenant, or 404. */
export async function requireCargo(tenant: string, id: string): Promise<Charge> {
  const charge = await charges.get(tenant, id);
  if (!charge || charge.kind !== 'community_charge') throw new NotFound('Cargo');
  return charge;
}

/**
 * PUT: the amounts, due date, late fees and notes; never below what is already applied (409). With
 * an Idempotency-Key, once per key (the ledger's charge update: a retry answers the first result).
 */
export async function updateCargo(actor: Actor, id: string, command: CargoCommand, idempotencyKey?: string): Promise<Charge> {
  await requireCargo(actor.tenant, id);
  const { amount, lateFee } = await amountsOf(actor.tenant, command);
  return updateCharge(actor, id, { amount, lateFee: lateFee ?? null, dueDate: command.fechaDePago, description: command.notas ?? null }, idempotencyKey);
}

/** DELETE: the cargo becomes inactive (void), only while nothing is applied to it (409 otherwise). */
export async function deleteCargo(actor: Actor, id: string, idempotencyKey?: string): Promise<Charge> {
  await requireCargo(actor.tenant, id);
  return voidCharge(actor, id, idempotencyKey);
}
