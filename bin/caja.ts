/** CDK app entry (`cdk.json`: `npx tsx bin/caja.ts`). Works offline: no lookups, env-agnostic unless the CLI knows an account. */
import { App } from 'aws-cdk-lib';
import { CajaStack } from '../lib/caja-stack.js';
import { addNagChecks } from '../lib/nag.js';

const app = new App();
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

new CajaStack(app, 'Caja', {
  env: account || region ? { account, region } : undefined,
});
addNagChecks(app);
app.synth();
