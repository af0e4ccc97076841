/**
 * Assertions on the synthesized CDK template (test/infra/synthesized.ts), synthesized ONCE (beforeAll):
 * functions, least privilege, the HTTP API, the table, Cognito and cdk-nag, (operations.ts) logs,
 * tracing, alarms and dashboard, and (stack-budget.ts) CloudFormation's limits on every stack.
 */
import { type App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, routeKey, routes as routeTable, type Route } from '../../functions/routes.js';
import type { CajaStack } from '../../lib/caja-stack.js';
import { ACCESS_LOG_FORMAT } from '../../lib/constructs/caja-api.js';
import { nagPacks } from '../../lib/nag.js';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS, corsPolicy, parseCorsOrigins } from '../../lib/cors.js';
import { USER_ATTRIBUTE } from '../../shared/auth/claims.js';
import { GROUP_ALIASES } from '../../shared/auth/roles.js';
import { STORE_BUDGET } from '../../shared/store/budget.js';
import { grantedActions, STORE_OPERATIONS } from '../../shared/store/permissions.js';
import { projectionOf, TABLE } from '../../shared/store/table.js';
import { describeOperations, OPERATIONS_PROPS } from './operations.js';
import { describeStackBudget } from './stack-budget.js';
import { actionList, type Statement, type SynthesizedCaja, synthesizeCaja } from './synthesized.js';

const routes = routeTable as readonly Route[];
/** What `-c corsOrigins=https://app.caja.example,http://localhost:5173` gives the stack (bin/caja.ts). */
const CORS_ORIGINS = parseCorsOrigins('https://app.caja.example, http://localhost:5173', 'context corsOrigins');
/** The pre-token-generation trigger is the only function that is not an endpoint. */
const TRIGGER_FUNCTIONS = 1;
/** Nothing in the stack makes CDK add its own functions (no custom resources, no log-retention helpers). */
const CDK_INTERNAL_FUNCTIONS = 0;
/** What shared/users/cognito.ts calls, on the Caja pool. */
const USER_ADMIN_ACTIONS = ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser', 'cognito-idp:AdminGetUser'];
/** Actions no request path needs (SPEC §1: no Scan; deletes are soft; writes go through conditional puts and transactions). */
const NEVER_GRANTED = ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*'];

let caja: SynthesizedCaja;
let app: App;
let stack: CajaStack;
let template: Template;
const logicalId = (construct: IConstruct) => caja.logicalId(construct);
const resourceOf = (construct: IConstruct) => caja.resourceOf(construct);
const endpoint = (route: Route) => caja.endpoint(route);
const statementsOf = (route: Route) => caja.statementsOf(route);
const actionsOf = (route: Route) => caja.actionsOf(route);

/** A route function's environment, as the parent stack passes it (its nested stack's parameters resolved). */
function environmentOf(route: Route): Record<string, unknown> {
  const fn = endpoint(route).fn.fn;
  return caja.inParent(fn, resourceOf(fn).Properties.Environment.Variables) as Record<string, unknown>;
}

beforeAll(() => {
  caja = synthesizeCaja({ ...OPERATIONS_PROPS, corsOrigins: CORS_ORIGINS });
  ({ app, stack, template } = caja);
}, 120_000);

afterAll(() => caja?.cleanup());

describe('functions', () => {
  it('has exactly one function per route, plus the trigger and the CDK-internal ones', () => {
    expect(caja.countResources('AWS::Lambda::Function')).toBe(routes.length + TRIGGER_FUNCTIONS + CDK_INTERNAL_FUNCTIONS);
    expect(stack.endpoints.size).toBe(routes.length);
  });

  it('runs every function on nodejs22.x, arm64, with its own log group', () => {
    const functions = caja.findResources('AWS::Lambda::Function');
    for (const [id, fn] of Object.entries(functions)) {
      expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.Handler, id).toBe('index.handler');
      expect(fn.Properties.LoggingConfig?.LogGroup, id).toBeDefined();
    }
    const logGroups = caja.findResources('AWS::Logs::LogGroup');
    for (const [id, group] of Object.entries(logGroups)) expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
  });

  it('gives each endpoint 512 MB, 10 s and the environment the functions read', () => {
    for (const route of routes) {
      const fn = resourceOf(endpoint(route).fn.fn);
      expect(fn.Properties.MemorySize).toBe(512);
      expect(fn.Properties.Timeout).toBe(10);
      const env = environmentOf(route);
      expect(Object.keys(env).sort(), routeKey(route)).toEqual(
        ['AUTH_CLIENT_ID', 'AUTH_ISSUER', 'LOG_LEVEL', 'NODE_OPTIONS', 'TABLE_NAME', ...(route.managesUsers ? ['USER_POOL_ID'] : [])].sort(),
      );
      expect(env.LOG_LEVEL).toBe(OPERATIONS_PROPS.logLevel);
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(env.TABLE_NAME).toEqual({ Ref: logicalId(stack.table.table) });
      expect(env.AUTH_CLIENT_ID).toEqual({ Ref: logicalId(stack.auth.client) });
      expect(JSON.stringify(env.AUTH_ISSUER)).toContain('https://cognito-idp.');
      expect(JSON.stringify(env.AUTH_ISSUER)).toContain(logicalId(stack.auth.userPool));
    }
  });

  it('gives each endpoint a timeout the store fault budget fits under: a slow store is a 503, not a Lambda timeout', () => {
    const { connectionTimeoutMs, requestTimeoutMs, requestDeadlineMs, deadlineMarginMs, functionTimeoutSeconds } = STORE_BUDGET;
    // One SDK attempt fits inside the request deadline, and the deadline plus its margin inside the function timeout.
    expect(connectionTimeoutMs + requestTimeoutMs).toBeLessThanOrEqual(requestDeadlineMs);
    expect(requestDeadlineMs + deadlineMarginMs).toBeLessThan(functionTimeoutSeconds * 1000);
    for (const route of routes) {
      expect(resourceOf(endpoint(route).fn.fn).Properties.Timeout, routeKey(route)).toBe(functionTimeoutSeconds);
    }
  });
});

describe('least privilege', () => {
  it("grants each function exactly the DynamoDB actions of its route's store operations, on the table and its indexes by name", () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(stack.table.table), 'Arn'] };
    const indexArns = TABLE.indexes.map((i) => ({ 'Fn::Join': ['', [tableArn, `/index/${i.name}`]] }));
    for (const route of routes) {
      const statements = statementsOf(route).filter((s) => actionList(s).some((a) => a.startsWith('dynamodb:')));
      const granted = [...new Set(statements.flatMap(actionList))].sort();
      expect(granted, routeKey(route)).toEqual([...grantedActions(route.store)].map((a) => `dynamodb:${a}`).sort());
      // Where each action is allowed: Query on the table and each index by name, the rest on the table only.
      const resourcesOf = (action: string) =>
        statements.filter((s) => actionList(s).includes(action)).flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
      for (const action of granted) {
        const expected = action === 'dynamodb:Query' ? [tableArn, ...indexArns] : [tableArn];
        // CDK may reorder a statement's resources: compare them as a set.
        const sorted = (list: unknown[]) => list.map((r) => JSON.stringify(r)).sort();
        expect(sorted(resourcesOf(action)), `${routeKey(route)} ${action}`).toEqual(sorted(expected));
      }
      expect(JSON.stringify(statements.map((s) => s.Resource)), routeKey(route)).not.toMatch(/\*/);
      if (route.store.includes('query')) expect(granted, routeKey(route)).toContain('dynamodb:Query');
    }
  });

  it('lets no function Scan, DeleteItem or BatchWriteItem (no route names an operation that needs them)', () => {
    expect(routes.filter((r) => r.store.includes('delete')).map(routeKey)).toEqual([]);
    for (const [id, policy] of Object.entries(caja.findResources('AWS::IAM::Policy'))) {
      const actions = (policy.Properties.PolicyDocument.Statement as Statement[]).flatMap(actionList);
      for (const action of NEVER_GRANTED) expect(actions, id).not.toContain(action);
    }
  });

  it('uses every store operation but delete somewhere, and gives public routes no table access', () => {
    for (const op of STORE_OPERATIONS.filter((o) => o !== 'delete')) expect(routes.some((r) => r.store.includes(op)), op).toBe(true);
    for (const route of routes.filter((r) => r.roles === 'public')) expect(actionsOf(route).filter((a) => a.startsWith('dynamodb:')), routeKey(route)).toEqual([]);
  });

  it('lets only the user-managing routes administer users, on the Caja pool only', () => {
    const poolArn = { 'Fn::GetAtt': [logicalId(stack.auth.userPool), 'Arn'] };
    for (const route of routes) {
      const actions = actionsOf(route);
      const cognito = actions.filter((a) => a.startsWith('cognito-idp:'));
      if (route.managesUsers) expect(cognito.sort(), routeKey(route)).toEqual(USER_ADMIN_ACTIONS);
      else expect(cognito, routeKey(route)).toEqual([]);
    }
    const managing = routes.filter((r) => r.managesUsers);
    expect(managing.length).toBeGreaterThan(0);
    for (const route of managing) {
      const statements = statementsOf(route);
      const admin = statements.find((s) => JSON.stringify(s.Action).includes('cognito-idp:'));
      expect(admin?.Resource).toEqual(poolArn);
    }
  });

  it('attaches no AWS managed policy to any role', () => {
    for (const [id, role] of Object.entries(caja.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('HTTP API', () => {
  it('has one route per route-table entry, each with its own integration', () => {
    expect(caja.countResources('AWS::ApiGatewayV2::Route')).toBe(routes.length);
    expect(caja.countResources('AWS::ApiGatewayV2::Integration')).toBe(routes.length);
    const keys = Object.values(caja.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(routes.map(routeKey).sort());
  });

  it('puts the Cognito JWT authorizer on every route except GET /health, GET /docs and GET /openapi.json', () => {
    const authorizerId = logicalId(stack.api.authorizer);
    const byKey = new Map(routes.map((r) => [routeKey(r), caja.inParent(endpoint(r).httpRoute, resourceOf(endpoint(r).httpRoute).Properties) as Record<string, unknown>]));
    for (const route of routes) {
      const props = byKey.get(routeKey(route))!;
      expect(props.RouteKey).toBe(routeKey(route));
      expect(props.ApiId, routeKey(route)).toEqual({ Ref: logicalId(stack.api.httpApi) });
      if (route.roles === 'public') {
        expect(['GET /health', 'GET /docs', 'GET /openapi.json']).toContain(routeKey(route));
        expect(props.AuthorizationType ?? 'NONE').toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      } else {
        expect(props.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(props.AuthorizerId, routeKey(route)).toEqual({ Ref: authorizerId });
      }
    }
    expect(byKey.get('GET /health')?.AuthorizationType ?? 'NONE').toBe('NONE');
    expect(byKey.get('GET /openapi.json')?.AuthorizationType ?? 'NONE').toBe('NONE');
  });

  it('serves CORS from the HTTP API configuration (deployment origins), so preflights never reach the authorizer', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://app.caja.example', 'http://localhost:5173'],
        AllowMethods: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'],
        AllowHeaders: [...CORS_ALLOW_HEADERS],
        ExposeHeaders: [...CORS_EXPOSE_HEADERS],
        MaxAge: CORS_MAX_AGE_SECONDS,
      },
    });
    // API Gateway answers OPTIONS itself only when no route claims it: none is OPTIONS, ANY or $default.
    const keys = Object.values(caja.findResources('AWS::ApiGatewayV2::Route')).map((r) => String(r.Properties.RouteKey));
    expect(keys).toHaveLength(routes.length);
    expect(keys.filter((key) => /^(OPTIONS|ANY) /.test(key) || key === '$default')).toEqual([]);
  });

  it('has no CORS configuration without origins, and refuses origins that are not origins', () => {
    expect(corsPolicy(parseCorsOrigins(undefined, 'context corsOrigins'), routes)).toBeUndefined();
    expect(corsPolicy(parseCorsOrigins('', 'context corsOrigins'), routes)).toBeUndefined();
    expect(parseCorsOrigins('*', 'x')).toEqual(['*']);
    for (const bad of ['app.caja.example', 'https://app.caja.example/', 'https://app.caja.example/path', 'ftp://x.example', 'https://A.example', '*,https://x.example']) {
      expect(() => parseCorsOrigins(bad, 'context corsOrigins'), bad).toThrow(/context corsOrigins/);
    }
  });

  it('validates access tokens of the Caja pool and app client', () => {
    const pool = logicalId(stack.auth.userPool);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(stack.auth.client) }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool }]] },
      },
    });
  });

  it('logs every request as JSON and throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logicalId(stack.api.accessLogs), 'Arn'] }, Format: ACCESS_LOG_FORMAT },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
    const format = JSON.parse(ACCESS_LOG_FORMAT) as Record<string, string>;
    for (const field of ['requestId', 'routeKey', 'status', 'responseLatency', 'integrationLatency']) expect(format).toHaveProperty(field);
  });

  it('outputs the API URL, the pool id and the client id', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId']));
  });
});

describe('table', () => {
  it('is built from TABLE: keys, GSIs with projections, TTL', () => {
    const table = resourceOf(stack.table.table);
    expect(caja.countResources('AWS::DynamoDB::Table')).toBe(1);
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      TABLE.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: projectionOf(index),
      })),
    );
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: TABLE.ttlAttribute, Enabled: true });
  });

  it('is on-demand, point-in-time recoverable, deletion-protected and retained', () => {
    const table = resourceOf(stack.table.table);
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('Cognito', () => {
  it('is admin-provisioned, email sign-in, strong passwords, optional MFA, PLUS with threat protection', () => {
    const pool = resourceOf(stack.auth.userPool);
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.Properties.UsernameAttributes).toEqual(['email']);
    expect(pool.Properties.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('declares an immutable tenant and a party attribute', () => {
    const schema = resourceOf(stack.auth.userPool).Properties.Schema as { Name: string; Mutable?: boolean }[];
    expect(schema.find((a) => a.Name === USER_ATTRIBUTE.tenant)?.Mutable).toBe(false);
    expect(schema.find((a) => a.Name === USER_ATTRIBUTE.party)).toBeDefined();
  });

  it('wires the pre-token-generation trigger with event version V2_0', () => {
    const pool = resourceOf(stack.auth.userPool);
    expect(pool.Properties.LambdaConfig.PreTokenGenerationConfig).toEqual({
      LambdaArn: { 'Fn::GetAtt': [logicalId(stack.auth.preTokenGeneration.fn), 'Arn'] },
      LambdaVersion: 'V2_0',
    });
  });

  it('has one group per role, and one per group name of the original APIs that means a role (ADMIN_COMPANY, SYSTEM_ADMIN)', () => {
    const groups = Object.values(caja.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES, ...Object.keys(GROUP_ALIASES)].sort());
  });

  it('has an app client without secret that cannot write tenant or party', () => {
    const client = resourceOf(stack.auth.client);
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
    const writable = client.Properties.WriteAttributes as string[];
    expect(writable.length).toBeGreaterThan(0);
    expect(writable.filter((a) => a.startsWith('custom:'))).toEqual([]);
  });
});

describe('cdk-nag', () => {
  it('leaves no unacknowledged AwsSolutions finding', () => {
    const violations = nagPacks(app)
      .flatMap((pack) => pack.validateScope(app).violations)
      .map((v) => `${v.ruleName} (${v.severity}) at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(violations).toEqual([]);
  });

  it('leaves no error or warning annotation (the parent artifact carries its nested stacks\' too)', () => {
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue()).map((w) => `${w.id}: ${String(w.entry.data)}`)).toEqual([]);
  });

  it('acknowledges only with a reason', () => {
    const acknowledged = Stack.of(stack)
      .node.findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.values(m.data as Record<string, string>));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const reason of acknowledged) expect(reason.length).toBeGreaterThan(40);
  });
});

describeOperations(() => caja);
describeStackBudget(() => caja);
