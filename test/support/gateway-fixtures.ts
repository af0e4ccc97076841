/** Gateway (seed 002) request builders for tests. */
let sequence = 0;

export function pagoRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    collector_id: 'col-1',
    external_transaction_id: `ext-${Date.now()}-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    currency_id: 'PEN',
    details: [
      { amount: 100.1, concept_id: 'C1', concept_description: 'Cuota' },
      { amount: '0.2', external_reference: 'R-2' },
    ],
    payer: { name: 'Ana Pérez', email: 'ana@example.com', external_reference: 'P-77', identification: { type: 'DNI', number: '12345678', country: 'PE' } },
    type: 'online',
    due_date: '2025-02-01T10:00:00-0300',
    owner: { type: 'store', id: 'S1' },
    payment_methods: [{ type: 'card', amount: 100.3, gateway: { name: 'niubiz' } }],
    metadata: { channel: 'web' },
    ...overrides,
  };
}

export type Filter = [field: string, operation: string, value: string];

/** `GET /pagos` path for filters, sorts (in order), page and limit. */
export function searchPath(filters: readonly Filter[], options: { sorts?: [string, string][]; page?: number; limit?: number } = {}): string {
  const params = new URLSearchParams();
  filters.forEach(([field, operation, value], i) => {
    params.append(`filters[${i}][field]`, field);
    params.append(`filters[${i}][operation]`, operation);
    params.append(`filters[${i}][value]`, value);
  });
  for (const [field, direction] of options.sorts ?? []) params.append(`sorts[${field}]`, direction);
  if (options.page !== undefined) params.append('page', String(options.page));
  if (options.limit !== undefined) params.append('limit', String(options.limit));
  return `/pagos?${params.toString()}`;
}

/** A wide request_date range (collector + request_date is a minimum combination). */
export const ALWAYS: Filter[] = [['request_date', 'GREATER_THAN_OR_EQUAL_TO', '20000101T000000000-0000']];
