/**
 * `npm run tenant -- create`: the tenant's settings, then its first ADMIN user, on a target (./targets.ts).
 * Re-running with the same settings finishes what a failed run left half done (the settings exist,
 * the user does not); other settings under an existing id are refused.
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { TenantProfile, TenantSettings } from '../../shared/domain/tenants.js';
import { Conflict } from '../../shared/ledger/errors.js';
import { createTenant } from '../../shared/ledger/settings/tenant-settings.js';
import type { Target } from './targets.js';

export interface TenantRequest extends TenantProfile {
  id: string;
  adminEmail: string;
  /** On AWS, the admin's temporary password (the pool's policy applies); made up when absent. */
  temporaryPassword?: string;
}

export interface Onboarded {
  settings: TenantSettings;
  /** False when the tenant existed already with these settings. */
  created: boolean;
  admin: { email: string; sub?: string; temporaryPassword?: string; existed: boolean };
}

export class OnboardingError extends Error {}

const PROFILE: readonly (keyof TenantProfile)[] = ['name', 'currency', 'timeZone', 'country', 'taxId'];

/** 20 characters with an upper and lower case letter, a digit and a symbol: the pool's password policy. */
export const temporaryPassword = () => `Caja-${randomBytes(12).toString('base64url')}-7x`;

export async function onboardTenant(request: TenantRequest, target: Target): Promise<Onboarded> {
  // The store reads its environment when first used: the target's table (and local endpoint).
  Object.assign(process.env, target.env);
  const { id, adminEmail, temporaryPassword: chosen, ...profile } = request;
  const operator = { tenant: id, sub: `operator:${userInfo().username}` };
  const { settings, created } = await createTenant(operator, id, profile);
  const differs = PROFILE.filter((field) => settings[field] !== profile[field]);
  if (!created && differs.length) {
    throw new OnboardingError(`tenant ${id} already exists with other settings (${differs.join(', ')}): change them with PUT /ledger/settings`);
  }
  const password = target.aws ? (chosen ?? temporaryPassword()) : undefined;
  try {
    const user = await target.createUser({ email: adminEmail, role: 'ADMIN', tenant: id }, password);
    return { settings, created, admin: { email: user.email, sub: user.sub, ...(password ? { temporaryPassword: password } : {}), existed: false } };
  } catch (error) {
    // A re-run after success: the admin is there already (its password is not ours to show).
    if (!created && error instanceof Conflict) return { settings, created, admin: { email: adminEmail, existed: true } };
    throw error;
  }
}
