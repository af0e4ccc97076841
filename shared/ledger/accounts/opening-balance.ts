/**
 * An accounts entity's opening balance (issue 13 item 14): the remaining balance it carried in from
 * the original server, counted from a date on. One per entity, kept on its party item; the day it
 * counts in holds the amount (store/statements.ts) and the entity's day tree adds it to its net `n`
 * in the same transaction, so every statement from that day on (day and period statements, export,
 * history's statement) carries it in remainingBalance at the cost of any other day change. It is
 * not a day's `balance`, so the month's accumulatedBalance leaves it out.
 *
 * Rules: ADMIN (the ledger API); the date not in the tenant's future (FUTURE_DATE); the currency,
 * when named, the tenant's; the day it counts in, and the day it leaves when the date moves, not
 * settled (409 STATEMENT_SETTLED, as payments and activity); setting it again replaces it (the tree
 * moves by the difference), and setting what is there already writes nothing.
 */
import { ACCOUNT_KINDS, type AccountKind } from '../../domain/account-scope.js';
import type { Currency } from '../../domain/money.js';
import type { OpeningBalance, Party } from '../../domain/parties.js';
import { parties } from '../../store/parties.js';
import { openingBalanceMoved, STATEMENT } from '../../store/statement-days.js';
import { statementDay } from '../../store/statements.js';
import { recordingMoney, tenantSettings } from '../../store/tenants.js';
import { type ConditionFailed, optimistic } from '../../store/tx.js';
import type { Actor } from '../context.js';
import { changeOnce } from '../create-once.js';
import { Invalid, issue, NotFound } from '../errors.js';
import { settledDay } from '../payments/statement-effect.js';
import { runningTotalError } from '../running-totals.js';
import { assertNotFuture } from './access.js';
import { ACCOUNT_ACTIONS } from './statement.js';

export interface SetOpeningBalanceCommand {
  /** Signed minor units of the tenant's currency: what the entity owes (negative: what it is owed). */
  amount: number;
  currency?: Currency | undefined;
  date: string;
}

/** The party with its opening balance, and whether this call changed anything. */
export interface OpeningBalanceSet {
  party: Party;
  changed: boolean;
}

const isAccountKind = (kind: string): kind is AccountKind => (ACCOUNT_KINDS as readonly string[]).includes(kind);
const same = (a: OpeningBalance | undefined, b: OpeningBalance) => a !== undefined && a.amount === b.amount && a.date === b.date && a.currency === b.currency;

export async function setOpeningBalance(
  actor: Actor,
  partyId: string,
  command: SetOpeningBalanceCommand,
  options: { idempotencyKey?: string | undefined; now?: Date } = {},
): Promise<OpeningBalanceSet> {
  const { tenant } = actor;
  const settings = await tenantSettings(tenant);
  if (command.currency !== undefined && command.currency !== settings.currency) {
    throw new Invalid(`Invalid body: currency: Must be the tenant's currency (${settings.currency})`, issue('currency', `Must be ${settings.currency}`));
  }
  assertNotFuture(command.date, undefined, options.now ?? new Date(), settings.timeZone);
  const wanted: OpeningBalance = { amount: command.amount, currency: settings.currency, date: command.date };
  const idempotency = { key: options.idempotencyKey, scope: 'ledger.party.opening-balance', request: { partyId, ...wanted } };
  // A lost race on the party (its version) or a day settled meanwhile: read again (the next read answers 409).
  const raced = (failed: ConditionFailed) => failed.on(parties.type) || failed.on(STATEMENT);
  return changeOnce(tenant, idempotency, partyId, (keyRecord) => optimistic(raced, async () => {
    const before = await parties.get(tenant, partyId, true);
    if (!before) throw new NotFound('Party');
    const kind = before.kind;
    if (!isAccountKind(kind)) {
      throw new Invalid(`A ${kind} party has no accounts opening balance (banca, ventana or vendedor only)`, issue('id', 'Must be a banca, ventana or vendedor party'));
    }
    const previous = before.openingBalance;
    if (same(previous, wanted)) return { party: before, changed: false };
    const days = [...new Set([wanted.date, ...(previous ? [previous.date] : [])])];
    const stored = await Promise.all(days.map((date) => statementDay(tenant, partyId, date, true)));
    if (stored.some((day) => day?.isSaldado)) throw settledDay();

    const at = new Date().toISOString();
    const after: Party = { ...before, openingBalance: wanted, updatedAt: at, version: before.version + 1 };
    const result = { party: after, changed: true };
    const effects = [
      ...openingBalanceMoved({ tenant, entityId: partyId, entityKind: kind }, previous, wanted, at),
      ...keyRecord(result),
    ];
    try {
      await recordingMoney(settings, at, (mark) => parties.replace(actor, before, after, ACCOUNT_ACTIONS.openingBalanceSet, [...effects, ...mark]));
    } catch (error) {
      throw runningTotalError(error, effects);
    }
    return result;
  }));
}
