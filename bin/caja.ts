/**
 * CDK app entry (`cdk.json`: `npx tsx bin/caja.ts`). Works offline: no lookups, env-agnostic unless the CLI knows an account.
 *
 * Context values (`-c name=value`):
 *   stackNames      comma-separated names, one instance of the stack each; default `Caja` (production).
 *                   CI synthesizes `CajaStaging,Caja` once and deploys that cloud assembly to both.
 *   logLevel        debug | info | warn | error (default info)
 *   logRetentionDays  days function logs are kept (a CloudWatch Logs retention value, default 30)
 *   alarmEmail      address subscribed to the alarm topic
 *   corsOrigins     comma-separated origins browsers may call the API from (`https://app.example.com`),
 *                   or `*`; default none (no CORS). Served by the HTTP API's CORS configuration (lib/cors.ts).
 *   routes          `none`: the parent stack without route groups (step one of moving a stack deployed
 *                   before the split, README "How the stack is split"); default: every route
 */
import { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CajaStack } from '../lib/caja-stack.js';
import type { LogLevel } from '../lib/constructs/caja-function.js';
import { addNagChecks } from '../lib/nag.js';
import { parseCorsOrigins } from '../lib/cors.js';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

const app = new App();
const context = (name: string): string | undefined => {
  const value = app.node.tryGetContext(name) as unknown;
  return value === undefined || value === '' ? undefined : String(value);
};

const stackNames = (context('stackNames') ?? 'Caja').split(',').map((name) => name.trim());
for (const name of stackNames) {
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(name)) throw new Error(`context stackNames: not a CloudFormation stack name: ${name}`);
}
const logLevel = (context('logLevel') ?? 'info') as LogLevel;
if (!LOG_LEVELS.includes(logLevel)) throw new Error(`context logLevel: one of ${LOG_LEVELS.join(', ')}, not ${logLevel}`);
const retentionDays = Number(context('logRetentionDays') ?? 30);
if (!Object.values(RetentionDays).includes(retentionDays)) throw new Error(`context logRetentionDays: not a CloudWatch Logs retention: ${retentionDays}`);
const alarmEmail = context('alarmEmail');
const corsOrigins = parseCorsOrigins(context('corsOrigins'), 'context corsOrigins');
const routesContext = context('routes');
if (routesContext !== undefined && routesContext !== 'none') throw new Error(`context routes: only 'none' (or unset), not ${routesContext}`);

const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

// The instances are identical but for their name (and so every physical name CloudFormation makes);
// their bundles are built once, as the assets are the same.
for (const name of new Set(stackNames)) {
  new CajaStack(app, name, {
    env: account || region ? { account, region } : undefined,
    logLevel,
    logRetention: retentionDays as RetentionDays,
    ...(alarmEmail ? { alarmEmail } : {}),
    corsOrigins,
    ...(routesContext === 'none' ? { routes: [] } : {}),
  });
}
addNagChecks(app);
app.synth();
