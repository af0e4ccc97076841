/**
 * `npm run import -- --tenant T --file F [--aws [--stack NAME] [--outputs-file FILE] [--region R]]`
 * loads parties, opening balances, daily activity and past accounts payments from a CSV or JSON file into a tenant
 * (README "How to import"): in the running local stack (`npm start`), or with --aws in a deployed
 * stack with the operator's AWS credentials (the targets of `npm run tenant`, lib/onboarding/).
 * Exit code 0 when every row was accepted or already imported, 1 when any row was rejected, 2 when
 * nothing could be imported (usage, unreadable file, unknown tenant, no stack).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { fileRows, formatOf } from '../lib/import/file.js';
import { progressTo, summaryText } from '../lib/import/progress.js';
import { importRows } from '../lib/import/run.js';
import { awsTarget, localTarget, type Target } from '../lib/onboarding/targets.js';
import type { Principal } from '../shared/auth/principal.js';
import { TENANT_ID } from '../shared/domain/tenants.js';
import { findTenantSettings } from '../shared/store/tenants.js';

const USAGE = `Usage: npm run import -- --tenant TENANT --file FILE.csv|FILE.json
       [--aws [--stack NAME] [--outputs-file cdk-outputs.json] [--region REGION]]

  Rows: parties, opening balances, daily activity and past accounts payments (README "How to import"; example:
  examples/import.csv). Without --aws: into the Caja that npm start runs; with --aws: into the
  deployed stack (default Caja) with your AWS credentials. Re-running a file imports only what is missing.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function options() {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      file: { type: 'string' },
      aws: { type: 'boolean' },
      stack: { type: 'string' },
      'outputs-file': { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!values.tenant || !TENANT_ID.test(values.tenant)) fail(`--tenant: ${values.tenant ? 'not a tenant id' : 'required'}\n\n${USAGE}`);
  if (!values.file) fail(`--file: required\n\n${USAGE}`);
  if (!values.aws && (values.stack || values['outputs-file'] || values.region)) fail('--stack, --outputs-file and --region go with --aws');
  return {
    tenant: values.tenant,
    file: values.file,
    aws: values.aws ? { stack: values.stack ?? 'Caja', outputsFile: values['outputs-file'], region: values.region } : undefined,
  };
}

async function main(): Promise<void> {
  const args = options();
  let checked;
  try {
    checked = fileRows(readFileSync(args.file, 'utf8'), formatOf(args.file));
  } catch (error) {
    // Unreadable, or not rows at all (ImportFileError): nothing is imported.
    fail(`${args.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const target: Target = args.aws ? await awsTarget(args.aws) : localTarget();
  // The store reads its environment when first used: the target's table (and local endpoint).
  Object.assign(process.env, target.env);
  if (!(await findTenantSettings(args.tenant))) fail(`tenant ${args.tenant} does not exist in ${target.where} (create it with npm run tenant -- create)`);
  const operator = userInfo().username;
  const principal: Principal = { tenant: args.tenant, sub: `import:${operator}`, username: `import (${operator})`, roles: ['ADMIN'] };
  const report = await importRows(principal, checked, progressTo(process.stderr));
  process.stdout.write(summaryText(report, { file: args.file, tenant: args.tenant, target: target.where }));
  process.exitCode = report.rejected > 0 ? 1 : 0;
}

main().catch((error: unknown) => fail(`import failed: ${error instanceof Error ? error.message : String(error)}`));
