/**
 * The backstop behind time-ordered ids (shared/ids.ts): an insert is a conditional put
 * (attribute_not_exists), so an id another instance took in the same millisecond fails its
 * condition instead of overwriting. Then the whole create runs again: it draws fresh ids, and the
 * transaction that failed wrote nothing.
 */
import { ConditionFailed } from './tx.js';

const ID_ATTEMPTS = 3;

/** Runs `create`, again when one of the items `named` (inserted under a new id) found its id taken. */
export async function retryOnTakenId<T>(named: readonly string[], create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const taken = error instanceof ConditionFailed && named.some((name) => error.on(name));
      if (!taken || attempt >= ID_ATTEMPTS) throw error;
    }
  }
}
