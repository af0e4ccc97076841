/**
 * The one catalogue of access patterns: what the ledger core may ask the store for, by name. Use
 * cases name an entry and its parameters, never a key string or an index. It holds two kinds:
 *
 * - list patterns (./list-patterns.ts, one export each): one index, a partition key and an optional sort-key
 *   prefix, paged by ./pagination.ts: the ledger's parties and charges lists;
 * - search realms (SEARCH_REALMS, defined in ./query/catalogue.ts and re-exported here): a row of
 *   filterable fields over several index patterns, from which the query planner (./query/planner.ts)
 *   picks the one a filter set satisfies: the gateway's `GET /pagos`, receivables' search next.
 *   Their GSIs are derived from them (./table.ts).
 *
 * A list pattern is a realm with one pattern and no filters; folding the lists into realms (so the
 * planner serves both) is the next step once receivables' search lands, not done here to keep the
 * list queries' key conditions and pages exactly as they are. (Point reads by id, the statements'
 * and audit partitions and the payment histories have their own store functions; see keys.ts for
 * the full key design.)
 */
export * from './list-patterns.js';
export { CATALOGUE as SEARCH_REALMS, GATEWAY_PAYMENTS, RECEIVABLES_DOCUMENT_PAYMENTS, RECEIVABLES_PAYMENTS } from './query/catalogue.js';

