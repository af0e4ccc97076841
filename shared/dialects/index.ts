/**
 * The dialect of each API: the one table the HTTP pipeline and the local gateway read. A new
 * dialect adds its folder (shared/dialects/<api>/index.ts) and one line here; it edits no other.
 */
import type { Api } from '../apis.js';
import { accounts } from './accounts/index.js';
import { communities } from './communities/index.js';
import type { Dialect } from './dialect.js';
import { gateway } from './gateway/index.js';
import { ledger } from './ledger/index.js';
import { receivables } from './receivables/index.js';
import { workorders } from './workorders/index.js';

export const DIALECTS: Record<Api, Dialect> = {
  ledger,
  workorders,
  accounts,
  gateway,
  communities,
  receivables,
  system: ledger,
};

export type { Dialect, Failure, SuccessContext } from './dialect.js';
