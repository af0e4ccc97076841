/** The roles a Caja user can hold (Cognito groups); a leaf module every layer may import. */
export const ROLES = ['ADMIN', 'EMPLOYEE', 'BANCA', 'VENTANA', 'VENDEDOR', 'RESIDENT'] as const;
export type Role = (typeof ROLES)[number];
