/**
 * `npm run tenant -- create --id ID --name NAME --currency ISO --time-zone IANA --country ISO
 *   --admin-email EMAIL [--tax-id ID] [--aws [--stack NAME] [--outputs-file FILE] [--region R]]`
 * creates a tenant and its first ADMIN user: in the running local stack (`npm start`), or with
 * --aws in a deployed stack, with the operator's AWS credentials (lib/onboarding/).
 */
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { emailSchema, tenantProfileFields } from '../functions/ledger/schemas/fields.js';
import { TENANT_ID } from '../shared/domain/tenants.js';
import { onboardTenant, type Onboarded, type TenantRequest } from '../lib/onboarding/onboard.js';
import { awsTarget, localTarget, type Target } from '../lib/onboarding/targets.js';

const USAGE = `Usage: npm run tenant -- create --id ID --name NAME --currency ISO --time-zone IANA --country ISO --admin-email EMAIL [--tax-id ID]
       [--aws [--stack NAME] [--outputs-file cdk-outputs.json] [--region REGION] [--temporary-password P]]

  Without --aws: in the Caja that npm start runs. With --aws: in the deployed stack (default Caja), its outputs
  read from --outputs-file (cdk deploy --outputs-file) or CloudFormation, with your AWS credentials; the admin's
  temporary password is --temporary-password (12+ characters: upper and lower case, digit, symbol) or made up, and printed.`;

const profile = tenantProfileFields();
const request = z.strictObject({
  id: z.string().check(z.regex(TENANT_ID, 'Must be 2-64 lowercase letters, digits or hyphens, starting with a letter or digit')),
  ...profile,
  taxId: z.optional(profile.taxId),
  adminEmail: emailSchema(),
  temporaryPassword: z.optional(z.string().check(z.regex(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9])\S{12,256}$/, 'Must be 12+ characters with upper and lower case, a digit and a symbol'))),
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      currency: { type: 'string' },
      'time-zone': { type: 'string' },
      country: { type: 'string' },
      'tax-id': { type: 'string' },
      'admin-email': { type: 'string' },
      aws: { type: 'boolean' },
      stack: { type: 'string' },
      'outputs-file': { type: 'string' },
      region: { type: 'string' },
      'temporary-password': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals.length !== 1 || positionals[0] !== 'create') fail(USAGE);
  const parsed = z.safeParse(request, {
    id: values.id,
    name: values.name,
    currency: values.currency?.toUpperCase(),
    timeZone: values['time-zone'],
    country: values.country?.toUpperCase(),
    ...(values['tax-id'] !== undefined ? { taxId: values['tax-id'] } : {}),
    adminEmail: values['admin-email'],
    ...(values['temporary-password'] !== undefined ? { temporaryPassword: values['temporary-password'] } : {}),
  });
  if (!parsed.success) {
    const flag = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    fail(`${parsed.error.issues.map((i) => `${flag(String(i.path[0]))}: ${values[flag(String(i.path[0])).slice(2) as keyof typeof values] === undefined ? 'required' : i.message}`).join('\n')}\n\n${USAGE}`);
  }
  if (!values.aws && (values.stack || values['outputs-file'] || values.region || values['temporary-password'])) {
    fail('--stack, --outputs-file, --region and --temporary-password go with --aws');
  }
  return { request: parsed.data as TenantRequest, aws: values.aws ? { stack: values.stack ?? 'Caja', outputsFile: values['outputs-file'], region: values.region } : undefined };
}

/** What to do next, as commands to paste. */
function nextSteps(done: Onboarded, target: Target): string[] {
  const id = done.settings.id;
  if (!target.aws) {
    return ['Token for its admin, then a first call:', `  TOKEN=$(npm run --silent token -- --role ADMIN --tenant ${id})`, `  curl -H "Authorization: Bearer $TOKEN" ${target.apiUrl}/ledger/settings`];
  }
  const lines = [`Sign in as ${done.admin.email} and set a password: README "Run it on AWS", step 4.`];
  if (done.admin.temporaryPassword) lines.unshift(`Temporary password (also emailed by Cognito, valid 3 days): ${done.admin.temporaryPassword}`);
  return lines;
}

async function main(): Promise<void> {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const target = options.aws ? await awsTarget(options.aws) : localTarget();
  const done = await onboardTenant(options.request, target);
  const { settings } = done;
  process.stdout.write(
    [
      `${done.created ? 'Created' : 'Found'} tenant ${settings.id} "${settings.name}" in ${target.where}: ${settings.currency}, ${settings.timeZone}, ${settings.country}${settings.taxId ? `, tax id ${settings.taxId}` : ''}`,
      done.admin.existed ? `Its ADMIN ${done.admin.email} exists already.` : `Created ADMIN user ${done.admin.email} (sub ${done.admin.sub})`,
      ...nextSteps(done, target),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => fail(`tenant create failed: ${error instanceof Error ? error.message : String(error)}`));
