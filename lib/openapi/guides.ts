/**
 * The short guide of each API (auth, idempotency, paging, errors), shown as its tag's description
 * on the docs page. An API the table has routes for but no guide here fails the generator.
 */
import type { Api } from '../../shared/apis.js';

const AUTH = (roles: string) =>
  `**Auth.** Send a Cognito access token: \`Authorization: Bearer <token>\`. The token names the tenant; ` +
  `every read and write stays inside it. A token without a tenant, or naming a tenant never created ` +
  `(\`npm run tenant -- create\`), is a 401. Roles allowed: ${roles} (each operation lists its own under *Roles*).`;

export const API_GUIDES: Partial<Record<Api, { title: string; guide: string }>> = {
  system: {
    title: 'System',
    guide: 'Health check and this reference. No token needed. `GET /openapi.json` is the OpenAPI 3.1 document this page renders.',
  },
  ledger: {
    title: 'Ledger (Caja)',
    guide: [
      "Caja's own API over the ledger: the tenant's settings, parties, charges, payment methods, payments, users and the audit trail.",
      '**Settings.** `PUT /ledger/settings` changes name, country, tax id and time zone (send only what changes). A new ' +
        'time zone applies from the tenant\'s next day (`nextTimeZone` shows it until then) and is audited under ' +
        '`GET /ledger/audit?entityId=tenant-settings`; the currency can change only until the first payment (then 409). ' +
        'Functions cache settings for 30 s: another function sees a change within that time.',
      AUTH('ADMIN'),
      '**Money.** Integer minor units (`15000` is 150.00 PEN); an amount may also be sent as `{amount, currency}`.',
      '**Idempotency.** Creates accept an `Idempotency-Key` header (8 to 100 visible ASCII characters). The same key ' +
        'with the same body answers the first result again; with another body, a 422 `IDEMPOTENCY_KEY_REUSED`.',
      '**Paging.** Lists take `limit` (1 to 100, default 20) and answer `{items, nextCursor}`; pass `nextCursor` ' +
        'back as `cursor` for the next page, `null` means the last page.',
      '**Errors.** `{error: {code, message, details?, requestId}}`: `code` is a stable reason (`VALIDATION_ERROR`, ' +
        '`NOT_FOUND`, …), `details` names each offending field.',
    ].join('\n\n'),
  },
  workorders: {
    title: 'Work orders (pagos)',
    guide: [
      'Payments collected in the field against work orders (pendientes).',
      AUTH('ADMIN, EMPLOYEE'),
      '**Envelope.** `{success, code, message, data}`; `code` repeats the HTTP status.',
      '**Idempotency.** `POST /api/pagos` accepts an `Idempotency-Key` header: a retry with the same key and body answers the first payment again.',
      '**Paging.** `GET /api/pagos` takes a zero-based `page` and `size` (default 10, at most 100).',
      '**Errors.** `{success: false, code, message, data: null}` with the status in `code`. Amounts are decimals (`"150.00"` or `150`).',
    ].join('\n\n'),
  },
  accounts: {
    title: 'Accounts (statements)',
    guide: [
      'Daily account statements of bancas, ventanas and vendedores, the payments and collections that settle them, and their reversal.',
      AUTH('ADMIN, BANCA, VENTANA, VENDEDOR, each within its own scope'),
      '**Envelope.** `{success: true, data, meta?}`.',
      '**Idempotency.** `POST /api/v1/accounts/payment` takes `idempotencyKey` in the body (or the `Idempotency-Key` header): ' +
        'the first call answers 201; a replay answers 200 with `meta.cached: true` and the statement as it is now.',
      '**Paging.** `GET /api/v1/accounts/payments` takes a one-based `page` and `pageSize` (default 20, at most 100).',
      '**Errors.** `{success: false, message, meta: {code, requestId, details?}}`; a second reversal of a payment is a 400 `PAYMENT_ALREADY_REVERSED`.',
    ].join('\n\n'),
  },
  gateway: {
    title: 'Gateway (pagos)',
    guide: [
      'Payment requests of a payment gateway (seed 002), searched with indexed filters. A success is the resource itself.',
      AUTH('ADMIN'),
      '**Idempotency.** `external_transaction_id` is unique per collector: sending it again answers the payment it first created. ' +
        'An `Idempotency-Key` header works too.',
      '**Paging and search.** `GET /pagos` takes `filters[i][field]`, `filters[i][operation]`, `filters[i][value]`, ' +
        '`sorts[field]=ascending|descending`, a one-based `page` and `limit` (default 10, at most 100), and answers ' +
        '`{data, page, limit, total}`. A search must include one of the minimum filter combinations (such as `collector_id` and ' +
        '`request_date`); dates are `yyyyMMdd\'T\'HHmmssSSSZ`. `x-access-patterns` lists the indexes that serve it.',
      '**Errors.** `{code, message, extended_code}` with the HTTP status in `code`: 4601 a filter the search cannot use, ' +
        '4501 the minimum filters missing, 4502 a search too broad, 4001 no valid token.',
    ].join('\n\n'),
  },
  communities: {
    title: 'Communities (seed 003)',
    guide: [
      'Condominium charges and payments (an ASP.NET app): cargos of a contract with derived status, payments split across ' +
        'cargos in one transaction, resident charges, resident self-submitted payments an administrator confirms, payment histories. ' +
        'Amounts are JSON numbers in the tenant currency, dates ISO 8601, JSON camelCase; a delete answers 204.',
      AUTH('ADMIN (the groups ADMIN_COMPANY and SYSTEM_ADMIN too) and RESIDENT, a resident only its own contract and records; ' +
        "another resident's or contract's record is a 404"),
      '**Idempotency.** Every create and every PUT and DELETE accepts an `Idempotency-Key` header (8 to 100 visible ASCII characters): ' +
        'a retry with the same key and body answers the first result; with another body, a 422.',
      '**Paging.** Lists stay plain arrays; they take a one-based `page` and `pageSize` (default 50, at most 100), with the total ' +
        'in `X-Total-Count` (statements: `X-Total-Cargos` and `X-Total-Pagos`).',
      '**Errors.** `{code, message, errors?, traceId}`: `code` is BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, ' +
        'INVALID_OPERATION (409 and 422, a bounded total included) or INTERNAL_ERROR; `errors` maps each field to its messages.',
    ].join('\n\n'),
  },
  receivables: {
    title: 'Receivables (v1)',
    guide: [
      'Payments reconciled against tax documents (seed 004): Chilean SII documents by id or RUT + folio, Mexican CFDI payment receipts. ' +
        'Ids and amounts are strings (`"65770.00"`), `createdAt` is `YYYY-MM-DD HH:mm:ss` on the tenant clock; `files` is always `[]` (Caja keeps no files).',
      AUTH('ADMIN'),
      '**Idempotency.** Creates accept an `Idempotency-Key` header; a CFDI receipt is idempotent by its TimbreFiscalDigital UUID ' +
        '(the same receipt answers the same payments; other content under that UUID is a 422).',
      '**Paging.** `resultsPerPage` (default 50, at most 100) and a one-based `page`; lists answer `{records: {totalRecords, items, page, pages}, items}`.',
      '**Errors.** `{code, msg, requestId}` with the HTTP status in `code`.',
    ].join('\n\n'),
  },
};
