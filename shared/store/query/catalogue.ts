/**
 * The search realms of the one access-pattern catalogue (../access-patterns.ts re-exports them
 * beside the list patterns; use cases import them from there). The query planner reads it to answer searches, the
 * table definition (./../table.ts) turns it into GSIs for CDK and DynamoDB Local, the item writers
 * derive each item's index attributes from it, and the README/OpenAPI list it. Adding a searchable
 * realm (receivables' getPayments: RECEIVABLES_PAYMENTS) is one more entry here.
 *
 * Patterns are listed best first: the planner takes the first one a filter set satisfies, after
 * key lookups, preferring patterns whose sort key gets a range.
 */
import { keys } from '../keys.js';
import type { FieldType, Realm } from './types.js';

/** Gateway payment requests (seed 002): the row is what `GET /pagos` filters and sorts on. */
export const GATEWAY_PAYMENTS: Realm = {
  name: 'gateway',
  idField: 'id',
  fields: {
    id: 'id',
    parent_payment_id: 'id',
    external_transaction_id: 'string',
    type: 'string',
    collector_id: 'string',
    currency_id: 'string',
    final_amount: 'decimal',
    status: 'string',
    validation: 'boolean',
    review: 'boolean',
    batch_withdrawal: 'boolean',
    'owner.type': 'string',
    'owner.id': 'string',
    'payer.email': 'string',
    'payer.external_reference': 'string',
    'payment_methods.gateway.name': 'string',
    // Written out, not computed: a literal realm is dropped from every bundle that does not search it.
    request_date: 'date',
    due_date: 'date',
    last_due_date: 'date',
    refunded_date: 'date',
    process_date: 'date',
    paid_date: 'date',
    rejected_date: 'date',
    cancel_date: 'date',
    objected_date: 'date',
    accreditation_date: 'date',
    review_validation_date: 'date',
    payer_validation_date: 'date',
    payer_deferred_date: 'date',
  },
  patterns: [
    { kind: 'key', field: 'id', alongWith: ['collector_id'] },
    { kind: 'index', index: 'gw_owner', partition: ['owner.type', 'owner.id'], sort: 'request_date', sortRequired: false },
    { kind: 'index', index: 'gw_payer_email', partition: ['payer.email'], sort: 'request_date', sortRequired: true },
    {
      kind: 'index',
      index: 'gw_type_gateway',
      partition: ['type', 'payment_methods.gateway.name'],
      sort: 'request_date',
      sortRequired: false,
    },
    { kind: 'index', index: 'gw_collector_request', partition: ['collector_id'], sort: 'request_date', sortRequired: true },
    { kind: 'index', index: 'gw_collector_paid', partition: ['collector_id'], sort: 'paid_date', sortRequired: true },
    { kind: 'index', index: 'gw_collector_rejected', partition: ['collector_id'], sort: 'rejected_date', sortRequired: true },
    {
      kind: 'index',
      index: 'gw_collector_accreditation',
      partition: ['collector_id'],
      sort: 'accreditation_date',
      sortRequired: true,
    },
    { kind: 'index', index: 'gw_collector_refunded', partition: ['collector_id'], sort: 'refunded_date', sortRequired: true },
  ],
  itemKey: (tenant, id) => keys.payment(tenant, id),
};

/** What getPayments filters and sorts on (seed 004); `created` and `reconciled` are UTC instants. */
const RECEIVABLES_FIELDS = {
  id: 'id',
  status: 'string',
  date: 'string',
  created: 'date',
  reconciled: 'date',
  amount: 'decimal',
  currency: 'string',
  clientId: 'id',
  clientTaxId: 'string',
  method: 'string',
} as const satisfies Record<string, FieldType>;

/** Shards of the tenant-wide receivables counts (every payment of the tenant writes them; README: the write rate). */
export const RECEIVABLES_COUNT_SHARDS = 4;

/**
 * Receivables payments (seed 004 getPayments): no filter is mandatory, so the tenant-wide patterns
 * are partitioned by status and month (the planner expands the months of the date range like an IN
 * list), one per date the search can be by; a client's payments have their own partition. The
 * status × payment-date and status × creation patterns are counted (./counts.ts): a search in their
 * own order, by status and dates only (the default getPayments), takes its total and page N from the
 * counts, so it costs the same on a tenant's first day and after ten years.
 */
export const RECEIVABLES_PAYMENTS: Realm = {
  name: 'receivables',
  idField: 'id',
  fields: RECEIVABLES_FIELDS,
  patterns: [
    { kind: 'index', index: 'rcv_client', partition: ['clientId'], sort: 'date', sortRequired: false },
    { kind: 'index', index: 'rcv_status_date', partition: ['status'], sort: 'date', sortRequired: false, bucket: 'month', counted: { shards: RECEIVABLES_COUNT_SHARDS } },
    { kind: 'index', index: 'rcv_status_created', partition: ['status'], sort: 'created', sortRequired: false, bucket: 'month', counted: { shards: RECEIVABLES_COUNT_SHARDS } },
    { kind: 'index', index: 'rcv_reconciled', partition: [], sort: 'reconciled', sortRequired: false, bucket: 'month' },
  ],
  itemKey: (tenant, id) => keys.payment(tenant, id),
};

/**
 * A document's receivables payments: one link item per (payment, document) carries the payment's
 * row plus `documentId` (an item has one index entry per GSI, a payment pays several documents).
 */
export const RECEIVABLES_DOCUMENT_PAYMENTS: Realm = {
  name: 'receivables_document',
  idField: 'id',
  fields: { ...RECEIVABLES_FIELDS, documentId: 'id' },
  patterns: [{ kind: 'index', index: 'rcv_document', partition: ['documentId'], sort: 'date', sortRequired: false }],
  itemKey: (tenant, id) => keys.payment(tenant, id),
};

export const CATALOGUE: readonly Realm[] = [GATEWAY_PAYMENTS, RECEIVABLES_PAYMENTS, RECEIVABLES_DOCUMENT_PAYMENTS];
