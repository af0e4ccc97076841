import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { routes, type Route } from '../functions/routes.js';
import { routeKey } from '../shared/http/route.js';
import { ApiStack, type RouteEndpoint } from './constructs/api-stack.js';
import { CajaApi } from './constructs/caja-api.js';
import { CajaAuth } from './constructs/caja-auth.js';
import type { LogLevel } from './constructs/caja-function.js';
import { CajaMonitoring } from './constructs/caja-monitoring.js';
import { CajaTable } from './constructs/caja-table.js';
import { corsPolicy } from './cors.js';
import { type AlarmThresholds, DEFAULT_THRESHOLDS } from './constructs/route-alarms.js';
import { routeGroups } from './route-groups.js';

export interface CajaStackProps extends StackProps {
  /** Defaults to the route table in functions/routes.ts. */
  routes?: readonly Route[];
  /** Application log level of every function. Default info. */
  logLevel?: LogLevel;
  /** How long function logs are kept. Default one month. */
  logRetention?: RetentionDays;
  /** Email subscribed to the alarm topic (it must confirm the subscription). */
  alarmEmail?: string;
  thresholds?: Partial<AlarmThresholds>;
  /** Origins browsers may call the API from (CDK context `corsOrigins`, lib/cors.ts). Default none: no CORS. */
  corsOrigins?: readonly string[];
}

/**
 * Caja: one DynamoDB table, a Cognito user pool, and an HTTP API with one Lambda function per route of
 * functions/routes.ts (SPEC §1), with alarms and a dashboard over them (CajaMonitoring).
 *
 * The routes are in nested stacks, one per route group (lib/route-groups.ts: an API, or for a large
 * API one of its resources), so no template nears CloudFormation's 500 resources; this stack keeps
 * what they share and the outputs.
 */
export class CajaStack extends Stack {
  readonly table: CajaTable;
  readonly auth: CajaAuth;
  readonly api: CajaApi;
  readonly apiStacks: ApiStack[] = [];
  /** Function, API Gateway route and alarms of every route-table entry, by route key (`GET /health`). */
  readonly endpoints = new Map<string, RouteEndpoint>();
  readonly monitoring: CajaMonitoring;

  constructor(scope: Construct, id: string, props: CajaStackProps = {}) {
    super(scope, id, { description: 'Caja serverless payments ledger', ...props });

    this.table = new CajaTable(this, 'Data');
    const logs = { logLevel: props.logLevel ?? 'info', logRetention: props.logRetention ?? RetentionDays.ONE_MONTH } as const;
    this.auth = new CajaAuth(this, 'Auth', logs);
    const table = props.routes ?? (routes as readonly Route[]);
    this.api = new CajaApi(this, 'Api', {
      authIssuer: this.auth.issuer,
      authClientId: this.auth.client.userPoolClientId,
      cors: corsPolicy(props.corsOrigins ?? [], routes as readonly Route[]),
    });

    for (const [group, groupRoutes] of routeGroups(table)) {
      const stack = new ApiStack(this, {
        group,
        routes: groupRoutes,
        httpApi: this.api.httpApi,
        authorizer: this.api.routeAuthorizer,
        table: this.table.table,
        userPool: this.auth.userPool,
        authIssuer: this.auth.issuer,
        authClientId: this.auth.client.userPoolClientId,
        thresholds: { ...DEFAULT_THRESHOLDS, ...props.thresholds },
        alarmNamePrefix: this.stackName,
        ...logs,
      });
      for (const endpoint of stack.endpoints) {
        const key = routeKey(endpoint.route);
        if (this.endpoints.has(key)) throw new Error(`duplicate route ${key}`);
        this.endpoints.set(key, endpoint);
      }
      this.apiStacks.push(stack);
    }

    this.monitoring = new CajaMonitoring(this, 'Monitoring', {
      apiStacks: this.apiStacks,
      table: this.table.table,
      alarmNamePrefix: this.stackName,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint, description: 'Base URL of the Caja HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'AuthIssuer', { value: this.auth.issuer });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }
}
