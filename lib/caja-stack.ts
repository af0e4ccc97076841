import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { routes, type Route } from '../functions/routes.js';
import { CajaApi } from './constructs/caja-api.js';
import { CajaAuth } from './constructs/caja-auth.js';
import type { LogLevel } from './constructs/caja-function.js';
import { type AlarmThresholds, CajaMonitoring } from './constructs/caja-monitoring.js';
import { CajaTable } from './constructs/caja-table.js';

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
 */
export class CajaStack extends Stack {
  readonly table: CajaTable;
  readonly auth: CajaAuth;
  readonly api: CajaApi;
  readonly monitoring: CajaMonitoring;

  constructor(scope: Construct, id: string, props: CajaStackProps = {}) {
    super(scope, id, { description: 'Caja serverless payments ledger', ...props });

    this.table = new CajaTable(this, 'Data');
    const logs = { logLevel: props.logLevel ?? 'info', logRetention: props.logRetention ?? RetentionDays.ONE_MONTH } as const;
    this.auth = new CajaAuth(this, 'Auth', logs);
    this.api = new CajaApi(this, 'Api', {
      routes: props.routes ?? (routes as readonly Route[]),
      table: this.table.table,
      userPool: this.auth.userPool,
      authIssuer: this.auth.issuer,
      authClientId: this.auth.client.userPoolClientId,
      corsOrigins: props.corsOrigins ?? [],
      ...logs,
    });
    this.monitoring = new CajaMonitoring(this, 'Monitoring', {
      api: this.api,
      table: this.table.table,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
      ...(props.thresholds ? { thresholds: props.thresholds } : {}),
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
