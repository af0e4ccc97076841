import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes, type Route } from '../functions/routes.js';
import { CajaApi } from './constructs/caja-api.js';
import { CajaAuth } from './constructs/caja-auth.js';
import { CajaTable } from './constructs/caja-table.js';

export interface CajaStackProps extends StackProps {
  /** Defaults to the route table in functions/routes.ts. */
  routes?: readonly Route[];
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * Caja: one DynamoDB table, a Cognito user pool, and an HTTP API with one Lambda function per route of
 * functions/routes.ts (SPEC §1).
 */
export class CajaStack extends Stack {
  readonly table: CajaTable;
  readonly auth: CajaAuth;
  readonly api: CajaApi;

  constructor(scope: Construct, id: string, props: CajaStackProps = {}) {
    super(scope, id, { description: 'Caja serverless payments ledger', ...props });

    this.table = new CajaTable(this, 'Data');
    this.auth = new CajaAuth(this, 'Auth');
    this.api = new CajaApi(this, 'Api', {
      routes: props.routes ?? (routes as readonly Route[]),
      table: this.table.table,
      userPool: this.auth.userPool,
      authIssuer: this.auth.issuer,
      authClientId: this.auth.client.userPoolClientId,
      logLevel: props.logLevel ?? 'info',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint, description: 'Base URL of the Caja HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'AuthIssuer', { value: this.auth.issuer });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
  }
}
