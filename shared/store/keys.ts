/**
 * Single-table key design. Every key starts with `T#{tenant}#`, so no query can leave its tenant,
 * and each entity lives in its own partition (no hot tenant partition for point reads/writes).
 *
 * | entity            | pk                              | sk        | gsi1 (ALL)                                    | gsi2 (ALL)                         | pages (KEYS_ONLY, sparse)     |
 * |-------------------|---------------------------------|-----------|-----------------------------------------------|------------------------------------|-------------------------------|
 * | tenant settings   | T#t                             | TENANT    |                                               |                                    |                               |
 * | party             | T#t#PARTY#id                    | PARTY     | T#t#PARTIES / {kind}#{id}                     | T#t#CHILDREN#{parent} / {kind}#{id}|                               |
 * | charge            | T#t#CHARGE#id                   | CHARGE    | T#t#PARTY_CHARGES#{party} / {kind}#{id}       | T#t#CHARGES / {kind}#{id}          | of a community:               |
 * |                   |                                 |           |                                               |                                    | T#t#COMMUNITY_CHARGES#{c} / {kind}#{id} |
 * | payment           | T#t#PAYMENT#id                  | PAYMENT   | workorders: T#t#WO_PAYMENTS#{workOrder} / id  |                                    | workorders, active only:      |
 * |                   |                                 |           | accounts: T#t#ACCT_PAYMENTS#{entity} / {date}T{time}#id |                          | T#t#WO_PAYMENTS / id          |
 * |                   |                                 |           | communities (see payments.ts): COMM_PAYMENTS#{contract|resident} / {record}#id | T#t#COMM_RECORDS / {record}#id | T#t#COMMUNITY_PAYMENTS#{c} / {record}#id (histories: active only) |
 * | payment order entry| T#t#PAYMENT#id                 | ORDER#{o} |                                               | T#t#EMP_ORDER#{o}#{employee} / {order key} | active only: T#t#WO_ORDER#{o} / {order key} |
 * | statement (day)   | T#t#STATEMENT#{entity}          | {date}    |                                               |                                    |                               |
 * | audit entry       | T#t#AUDIT#{entityId}            | {auditId} |                                               |                                    |                               |
 * | idempotency key   | T#t#IDEMPOTENCY#{scope}#{key}   | KEY       |   (TTL: expiresAt)                            |                                    |                               |
 * | counter (legacy)  | T#t#COUNTER                     | {name}    |                                               |                                    |                               |
 * | payment method    | T#t#PAYMENT_METHODS             | {code}    |                                               |                                    |                               |
 * | unique lookup     | T#t#LOOKUP#{name}#{value}       | LOOKUP    |   (entityId: the one entity holding the value) |                                    |                               |
 * | aggregate node    | T#t#AGG#{series}#{shard}#R{node}| AGG       |   (store/aggregates: prefix-count tree nodes, one partition each)  |                               |
 *
 * Access patterns:
 * - get party / charge / payment by id: GetItem (a missing item and another tenant's item look the same: 404).
 * - list parties by kind, or all: gsi1 on T#t#PARTIES, begins_with kind#; children of a party: gsi2.
 * - list charges of a party (by kind): gsi1; charges of a tenant by kind: gsi2.
 * - workorders `GET /api/pagos?page&size&sort`: (sorted by fechaPago, fechaCreacion or monto: the order's
 *   entries and tree, ./work-order-orders.ts, the same way) totalElements from the K shard roots of the active-payments
 *   aggregate tree; page N: store/pagination.ts seekOffset (the bucket holding the offset from the tree, then only
 *   that bucket's earlier entries skipped on the keys-only `pages` index), the page's items BatchGot.
 * - payments of a work order (active only): gsi1, sparse (removed on soft delete).
 * - account payments of an entity over a date range, newest first: gsi1 between {from} and {to}~.
 * - statement of an entity for a day: GetItem; running balance up to a day: the entity's aggregate tree
 *   (root, year and month nodes: three small items whatever the history); history totals and page
 *   starts from the same tree's counts.
 * - audit of an entity, newest first: Query ScanIndexForward=false (audit ids are time-ordered).
 * - idempotency: GetItem (consistent) and conditional Put inside the creating transaction.
 * - a party by tax id or external id (per kind), a document by SII code + folio, a charge by external id: GetItem on
 *   its lookup item, claimed with attribute_not_exists in the entity's own transactions (./lookups.ts).
 */
export const tenantPrefix = (tenant: string) => `T#${tenant}#`;

export const keys = {
  tenant: (t: string) => ({ pk: `T#${t}`, sk: 'TENANT' }),
  party: (t: string, id: string) => ({ pk: `T#${t}#PARTY#${id}`, sk: 'PARTY' }),
  charge: (t: string, id: string) => ({ pk: `T#${t}#CHARGE#${id}`, sk: 'CHARGE' }),
  payment: (t: string, id: string) => ({ pk: `T#${t}#PAYMENT#${id}`, sk: 'PAYMENT' }),
  /** A receivables payment's link to one document it pays (its search entry by document). */
  paymentDocument: (t: string, id: string, chargeId: string) => ({ pk: `T#${t}#PAYMENT#${id}`, sk: `DOCUMENT#${chargeId}` }),
  /** A workorders payment's entry in one sorted list (./work-order-orders.ts). */
  paymentOrder: (t: string, id: string, order: string) => ({ pk: `T#${t}#PAYMENT#${id}`, sk: `ORDER#${order}` }),
  statement: (t: string, entityId: string, date: string) => ({ pk: `T#${t}#STATEMENT#${entityId}`, sk: date }),
  audit: (t: string, entityId: string, auditId: string) => ({ pk: `T#${t}#AUDIT#${entityId}`, sk: auditId }),
  idempotency: (t: string, scope: string, key: string) => ({ pk: `T#${t}#IDEMPOTENCY#${scope}#${key}`, sk: 'KEY' }),
  counter: (t: string, name: string) => ({ pk: `T#${t}#COUNTER`, sk: name }),
  /** A payment's entry in its employee's lists (./employee-payments.ts), beside the payment in its partition. */
  employeeEntry: (t: string, paymentId: string, kind: 'ALL' | 'WO') => ({ pk: `T#${t}#PAYMENT#${paymentId}`, sk: `EMPLOYEE#${kind}` }),
  paymentMethod: (t: string, code: string) => ({ pk: `T#${t}#PAYMENT_METHODS`, sk: code }),
  lookup: (t: string, name: string, value: string) => ({ pk: `T#${t}#LOOKUP#${name}#${encodeURIComponent(value)}`, sk: 'LOOKUP' }),
  aggregate: (t: string, series: string, shard: number, node: string) => ({ pk: `T#${t}#AGG#${series}#${shard}#R${node}`, sk: 'AGG' }),
};

/** Partition values of the secondary indexes. */
export const indexKeys = {
  parties: (t: string) => `T#${t}#PARTIES`,
  children: (t: string, parentId: string) => `T#${t}#CHILDREN#${parentId}`,
  partyCharges: (t: string, partyId: string) => `T#${t}#PARTY_CHARGES#${partyId}`,
  charges: (t: string) => `T#${t}#CHARGES`,
  workOrderPayments: (t: string, workOrderId: string) => `T#${t}#WO_PAYMENTS#${workOrderId}`,
  /** gsi2 of employee entries: an employee's active workorders payments, and those of one work order. */
  employeePayments: (t: string, employee: string) => `T#${t}#EMP_PAYMENTS#${employee}`,
  employeeWorkOrderPayments: (t: string, employee: string, workOrderId: string) => `T#${t}#EMP_WO_PAYMENTS#${employee}#${workOrderId}`,
  activeWorkOrderPayments: (t: string) => `T#${t}#WO_PAYMENTS`,
  /** `pages` partition of one order of the active workorders payments (fechaPago, fechaCreacion, monto). */
  workOrderOrder: (t: string, order: string) => `T#${t}#WO_ORDER#${order}`,
  /** gsi2 of order entries: one employee's active workorders payments in that order. */
  employeeOrder: (t: string, order: string, employee: string) => `T#${t}#EMP_ORDER#${order}#${employee}`,
  accountPayments: (t: string, entityId: string) => `T#${t}#ACCT_PAYMENTS#${entityId}`,
  communityCharges: (t: string, communityId: string) => `T#${t}#COMMUNITY_CHARGES#${communityId}`,
  /** Communities payments of a contract (community pagos, histories) or of a resident (their pagos). */
  communityPaymentsOf: (t: string, partyId: string) => `T#${t}#COMM_PAYMENTS#${partyId}`,
  /** Every communities record of one kind in the tenant (resident pagos, payment histories). */
  communityRecords: (t: string) => `T#${t}#COMM_RECORDS`,
  communityPayments: (t: string, communityId: string) => `T#${t}#COMMUNITY_PAYMENTS#${communityId}`,
  activeHistories: (t: string) => `T#${t}#COMM_ACTIVE_HISTORIES`,
  statements: (t: string, entityId: string) => `T#${t}#STATEMENT#${entityId}`,
  paymentMethods: (t: string) => `T#${t}#PAYMENT_METHODS`,
  audit: (t: string, entityId: string) => `T#${t}#AUDIT#${entityId}`,
};

/**
 * Tenant-wide counters by name. They used to be single COUNTER items (one hot item per tenant);
 * they are now read from sharded aggregate trees, and an existing COUNTER item only tells that a
 * tenant has data from before the trees (store/aggregates/active-payments.ts rebuilds it then).
 */
export const COUNTERS = { activeWorkOrderPayments: 'wo_active_payments' } as const;
