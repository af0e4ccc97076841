/** The roles a Caja user can hold (Cognito groups); a leaf module every layer may import. */
export const ROLES = ['ADMIN', 'EMPLOYEE', 'BANCA', 'VENTANA', 'VENDEDOR', 'RESIDENT'] as const;
export type Role = (typeof ROLES)[number];

/** Group names of the original APIs that mean one of Caja's roles (seed 003's administrators are ADMIN). */
export const GROUP_ALIASES: Readonly<Record<string, Role>> = { ADMIN_COMPANY: 'ADMIN', SYSTEM_ADMIN: 'ADMIN' };

/** The Caja role a `cognito:groups` entry stands for, if any. */
export function roleOfGroup(group: unknown): Role | undefined {
  if (typeof group !== 'string') return undefined;
  if ((ROLES as readonly string[]).includes(group)) return group as Role;
  return Object.hasOwn(GROUP_ALIASES, group) ? GROUP_ALIASES[group] : undefined;
}
