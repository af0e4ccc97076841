/**
 * Request examples, by route key, taken from the seed documents (shared/seeds: 000 workorders,
 * 001 accounts, 002 gateway) and adapted to Caja's formats: ids are Caja's numeric ids, except the seed
 * 001 example's `ventana-001`, kept as written (the externalId of 3101, the demo ventana of `npm start`:
 * issue 13 item 13), amounts follow each API's rule (workorders: a decimal, accounts:
 * a number of the tenant's currency, ledger: integer minor units). test/unit/openapi-examples.test.ts
 * parses every one with the route's own request schemas.
 */
export interface RequestExample {
  summary: string;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
}

/** Seed 000 "Create a payment": a BCP transfer of 150.00 for a work order. */
const pago = {
  empleadoId: 12,
  clienteId: 345,
  pendienteId: 6789,
  monto: '150.00',
  fechaPago: '2024-03-15',
  metodoPago: 'BCP',
  referencia: 'OP-000123456',
};

export const REQUEST_EXAMPLES: Readonly<Record<string, RequestExample>> = {
  'POST /api/pagos': { summary: 'A BCP transfer for work order 6789 (seed 000)', body: pago },
  'PUT /api/pagos/{id}': { summary: 'Correct the amount and add the bank reference (seed 000)', body: { ...pago, monto: '175.50', referencia: 'OP-000123457' } },
  'GET /api/pagos': { summary: 'First page, 10 per page (zero-based, seed 000)', query: { page: '0', size: '10' } },

  'POST /api/v1/accounts/payment': {
    summary: 'A partial cash payment of a window (seed 001 example request)',
    body: {
      date: '2024-03-15',
      time: '14:30',
      ventanaId: 'ventana-001',
      amount: 100000,
      type: 'payment',
      method: 'cash',
      notes: 'Pago parcial de ventas del día',
      isFinal: false,
      idempotencyKey: 'payment-2024-03-15-001',
    },
  },
  'POST /api/v1/accounts/reverse-payment': { summary: 'Reverse a payment recorded twice', body: { paymentId: '4321', reason: 'Pago registrado dos veces' } },
  'POST /api/v1/accounts/activity': {
    summary: "The day's sales and payouts of a window (the statement of seed 001)",
    body: { date: '2024-03-15', ventanaId: '3101', totalSales: 500000, totalPayouts: 250000, commission: 17500 },
  },
  'GET /api/v1/accounts/statement': { summary: "A window's statement for one day", query: { date: '2024-03-15', ventanaId: '3101' } },
  'GET /api/v1/accounts/payments': { summary: "A window's payments of March, first page", query: { ventanaId: '3101', from: '2024-03-01', to: '2024-03-31', page: '1', pageSize: '20' } },

  'POST /pagos': {
    summary: 'A payment request of two details, paid online (the fields of seed 002)',
    body: {
      collector_id: '4021',
      external_transaction_id: 'TX-2025-000123',
      currency_id: 'PEN',
      details: [
        { amount: '120.50', concept_id: 'CUOTA', concept_description: 'Cuota enero' },
        { amount: 10, concept_id: 'MORA', concept_description: 'Interés por mora' },
      ],
      payer: { name: 'Ana Pérez', email: 'ana@example.com', identification: { type: 'DNI', number: '12345678', country: 'PE' } },
      type: 'online',
      due_date: '20250201T000000000-0300',
    },
  },
  'GET /pagos': {
    summary: "A collector's payments requested in January 2025, newest first (seed 002's filter and date range examples)",
    query: {
      'filters[0][field]': 'collector_id',
      'filters[0][operation]': 'EQUAL',
      'filters[0][value]': '4021',
      'filters[1][field]': 'request_date',
      'filters[1][operation]': 'GREATER_THAN_OR_EQUAL_TO',
      'filters[1][value]': '20250101T000000000-0300',
      'filters[2][field]': 'request_date',
      'filters[2][operation]': 'LESS_THAN',
      'filters[2][value]': '20250201T000000000-0300',
      'sorts[request_date]': 'descending',
      page: '1',
      limit: '20',
    },
  },

  'POST /ledger/parties': { summary: 'The client of seed 000 as a party', body: { kind: 'client', name: 'Comercial Andina SAC', taxId: '20512345678', externalId: '345' } },
  'PUT /ledger/parties/{id}/opening-balance': {
    summary: 'Ventana Norte carried 1,325.00 in from the original server on 2024-03-01 (132500 minor units, issue 13 item 14)',
    body: { amount: 132500, currency: 'PEN', date: '2024-03-01' },
  },
  'POST /ledger/charges': {
    summary: 'Work order 6789 of seed 000 as a charge of 150.00 PEN (15000 minor units)',
    body: { kind: 'work_order', partyId: '345', amount: 15000, currency: 'PEN', number: '6789', dueDate: '2024-03-31' },
  },
  'POST /ledger/payment-methods': { summary: 'The Caja Los Andes transfer of seed 000', body: { code: 'LOS_ANDES', name: 'Caja Los Andes transfer', dialect: 'workorders' } },
  'PUT /ledger/settings': {
    summary: 'Move a Peruvian tenant to Lima time (from its next day) and record its RUC',
    body: { name: 'Comercial Andina SAC', timeZone: 'America/Lima', country: 'PE', taxId: '20512345678' },
  },
  'POST /ledger/users': { summary: 'A field employee who records work-order payments', body: { email: 'cobrador@example.com', role: 'EMPLOYEE', partyId: '12' } },
};
