/** One page of a cursor-paginated list (the ledger API's `{items, nextCursor}`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
