/** Who may call a route, by group of routes: the `roles` of the per-API route modules (functions/<api>/routes.ts). */
export const ADMIN = ['ADMIN'] as const;
export const FIELD = ['ADMIN', 'EMPLOYEE'] as const;
export const ACCOUNTS = ['ADMIN', 'BANCA', 'VENTANA', 'VENDEDOR'] as const;
export const COMMUNITY = ['ADMIN', 'RESIDENT'] as const;
