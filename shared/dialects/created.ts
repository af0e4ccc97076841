/**
 * Rendering a create's answer, first or replayed. Replays render the canonical first result kept
 * with the idempotency key; a record written before canonical results holds its rendered response,
 * answered as it is.
 */
import type { Created } from '../ledger/create-once.js';
import type { StoredResponse } from '../store/idempotency.js';

/** The canonical result of a create (first or replayed), or the stored response of a legacy record. */
export function firstResult<T>(created: Created<T>): { result: T } | { response: StoredResponse } {
  return created.replayed ? created.first : { result: created.result };
}

/** `{status: 201, data}` rendered from the canonical result, or a legacy record's response as it was stored. */
export function renderCreated<T>(created: Created<T>, render: (result: T) => unknown): StoredResponse {
  const first = firstResult(created);
  return 'result' in first ? { status: 201, data: render(first.result) } : first.response;
}
