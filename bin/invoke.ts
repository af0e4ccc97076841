/**
 * `npm run invoke -- METHOD PATH [--role ROLE] [--tenant T] [--party ID] [--body FILE|--event FILE]`:
 * builds the API Gateway HTTP API v2 event for one request (authorizer claims included, as the local
 * gateway does), runs that route's handler once in this process against the running local store
 * (`npm start`) and prints the status and the body. `--event test/events/<route>.json` runs a saved
 * event instead, with a fresh token of the local issuer for its claims. Exit code 1 on a 5xx.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/auth/roles.js';
import { DEMO_TENANT } from '../shared/auth/claims.js';
import type { GatewayEvent } from '../lib/local/gateway.js';
import type { TokenRequest } from '../lib/local/issuer.js';
import { eventFor, invokeEvent, routeOfEvent, withFreshToken } from '../lib/local/invoke.js';
import { applyStackEnv, readStateFile, stackEnv } from '../lib/local/stack.js';

const USAGE = `Usage: npm run --silent invoke -- METHOD PATH [--role ROLE] [--tenant T] [--party ID] [--body FILE|-]
       npm run --silent invoke -- --event test/events/<route>.json [--tenant T]
  Runs the route's handler once against the Caja that npm start runs. Roles: ${ROLES.join(', ')}
  (default: the route's first role); tenant: the demo tenant unless --tenant.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function localToken(issuerUrl: string, request: TokenRequest): Promise<string> {
  const response = await fetch(`${issuerUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = (await response.json()) as { token?: string; error_description?: string };
  if (!response.ok || !body.token) fail(`the local issuer refused a token: ${body.error_description ?? response.status}`);
  return body.token;
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        tenant: { type: 'string' },
        party: { type: 'string' },
        body: { type: 'string' },
        event: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.event ? positionals.length > 0 || values.body || values.role || values.party : positionals.length !== 2) fail(USAGE);

  const state = readStateFile();
  if (!state?.dynamodbEndpoint) fail('Caja is not running: start it with npm start');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.LOG_LEVEL ??= 'warn';
  applyStackEnv(stackEnv({ tableName: state.tableName, dynamodbEndpoint: state.dynamodbEndpoint, issuerUrl: state.issuerUrl, clientId: state.clientId }));

  let invocation;
  if (values.event) {
    let saved: GatewayEvent;
    try {
      saved = JSON.parse(readInput(values.event)) as GatewayEvent;
    } catch {
      fail(`${values.event} is not a JSON event`);
    }
    const event = await withFreshToken(saved, (request) => localToken(state.issuerUrl, request), values.tenant);
    invocation = { route: routeOfEvent(event), event };
  } else {
    const [method, path] = positionals as [string, string];
    const probe = eventFor({ method, path });
    const role = (values.role?.toUpperCase() ?? (probe.route.roles === 'public' ? undefined : probe.route.roles[0])) as Role | undefined;
    if (role !== undefined && !ROLES.includes(role)) fail(`unknown role ${values.role}; roles: ${ROLES.join(', ')}`);
    const token = probe.route.roles === 'public' || !role ? undefined : await localToken(state.issuerUrl, { role, tenant: values.tenant ?? DEMO_TENANT, ...(values.party ? { party: values.party } : {}) });
    const body = values.body !== undefined ? readInput(values.body) : undefined;
    invocation = eventFor({
      method,
      path,
      ...(token ? { token } : {}),
      ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
    });
  }
  const result = await invokeEvent(invocation.route, invocation.event);
  const text = result.body.toString('utf8');
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: as it is
  }
  process.stdout.write(`${result.statusCode} ${invocation.route.method} ${invocation.route.path} (functions/${invocation.route.handler}.ts)\n${shown}\n`);
  // The store client keeps sockets open: leave once the answer is out.
  process.stdout.write("", () => process.exit(result.statusCode >= 500 ? 1 : 0));
}

main().catch((error: unknown) => fail(`invoke failed: ${error instanceof Error ? error.message : String(error)}`));
