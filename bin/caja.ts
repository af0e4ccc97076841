/**
 * CDK app entry (`cdk.json`: `npx tsx bin/caja.ts`). Works offline: no lookups, env-agnostic unless the CLI knows an account.
 *
 * Context values (`-c name=value`):
 *   stackName       the stack to synthesize, default `Caja` (production); CI deploys `CajaStaging` first.
 *   logLevel        debug | info | warn | error (default info)
 *   logRetentionDays  days function logs are kept (a CloudWatch Logs retention value, default 30)
 *   alarmEmail      address subscribed to the alarm topic
 */
import { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CajaStack } from '../lib/caja-stack.js';
import type { LogLevel } from '../lib/constructs/caja-function.js';
import { addNagChecks } from '../lib/nag.js';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

const app = new App();
const context = (name: string): string | undefined => {
  const value = app.node.tryGetContext(name) as unknown;
  return value === undefined || value === '' ? undefined : String(value);
};

const stackName = context('stackName') ?? 'Caja';
if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) throw new Error(`context stackName: not a CloudFormation stack name: ${stackName}`);
const logLevel = (context('logLevel') ?? 'info') as LogLevel;
if (!LOG_LEVELS.includes(logLevel)) throw new Error(`context logLevel: one of ${LOG_LEVELS.join(', ')}, not ${logLevel}`);
const retentionDays = Number(context('logRetentionDays') ?? 30);
if (!Object.values(RetentionDays).includes(retentionDays)) throw new Error(`context logRetentionDays: not a CloudWatch Logs retention: ${retentionDays}`);
const alarmEmail = context('alarmEmail');

const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

new CajaStack(app, stackName, {
  env: account || region ? { account, region } : undefined,
  logLevel,
  logRetention: retentionDays as RetentionDays,
  ...(alarmEmail ? { alarmEmail } : {}),
});
addNagChecks(app);
app.synth();
