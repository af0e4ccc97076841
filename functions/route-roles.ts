/** Who may call a route, by group of routes: the `roles` of the per-API route modules (functions/<api>/routes.ts). */
export const ADMIN = ['ADMIN'] as const;
export const FIELD = ['ADMIN', 'EMPLOYEE'] as const;
export const ACCOUNTS = ['ADMIN', 'BANCA', 'VENTANA', 'VENDEDOR'] as const;
/** Accounts writes: a vendedor reads its account but may not register or reverse payments (seed 001). */
export const ACCOUNTS_WRITE = ['ADMIN', 'BANCA', 'VENTANA'] as const;
export const COMMUNITY = ['ADMIN', 'RESIDENT'] as const;
