import { renderPeriodStatements } from '../../shared/dialects/accounts/render-period.js';
import { renderAccountStatement } from '../../shared/dialects/accounts/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getPeriodStatements } from '../../shared/ledger/accounts/period-statements.js';
import { getAccountStatement } from '../../shared/ledger/accounts/statement.js';
import { getStatementRoute } from './routes.js';
import { isPeriodQuery, schemas } from './schemas/get-statement.js';

/** ?date=&(bancaId|ventanaId|vendedorId)=: one day's statement; a period (month=, date=week…): statements per day. */
export const handler = endpoint(getStatementRoute, {
  ...schemas,
  handle: async ({ query, principal, log }) => {
    const ctx = { principal, log };
    if (isPeriodQuery(query)) return { data: renderPeriodStatements(await getPeriodStatements(ctx, query)) };
    const { date, bancaId, ventanaId, vendedorId } = query;
    return { data: renderAccountStatement(await getAccountStatement(ctx, { date, bancaId, ventanaId, vendedorId })) };
  },
});
