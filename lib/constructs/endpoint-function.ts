import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { routeKey, type Route } from '../../shared/http/route.js';
import { tablePolicyStatements } from '../../shared/store/permissions.js';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CajaFunction, type LogLevel } from './caja-function.js';

/** What every endpoint needs to know about its environment. */
export interface EndpointContext {
  table: Table;
  userPool: IUserPool;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` */
  authIssuer: string;
  authClientId: string;
  logLevel?: LogLevel;
  logRetention?: RetentionDays;
}

export interface EndpointFunctionProps extends EndpointContext {
  route: Route;
}

/**
 * Cognito admin actions a `managesUsers` route needs, and nothing else: create the user, put it in its
 * role's group, read it back, and delete it again when the group step fails (shared/users/cognito.ts).
 */
export const USER_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminDeleteUser',
] as const;

/**
 * The Lambda function behind one route of the route table, with least-privilege grants: the DynamoDB
 * actions of the store operations its route names (shared/store/permissions.ts), on the table and on
 * its indexes by name, and Cognito admin rights on the Caja pool only for routes that manage users.
 * No `table.grant*Data`: those add Scan, DeleteItem and BatchWriteItem whether the route needs them or not.
 */
export class EndpointFunction extends Construct {
  readonly route: Route;
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: EndpointFunctionProps) {
    super(scope, id);
    const { route, table, userPool } = props;
    this.route = route;

    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      AUTH_ISSUER: props.authIssuer,
      AUTH_CLIENT_ID: props.authClientId,
    };
    if (route.managesUsers) environment.USER_POOL_ID = userPool.userPoolId;

    const built = new CajaFunction(this, 'Handler', {
      handler: route.handler,
      description: `Caja ${routeKey(route)}`,
      environment,
      ...(props.logLevel ? { logLevel: props.logLevel } : {}),
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      ...(route.codeSplitting ? { codeSplitting: true } : {}),
    });
    this.fn = built.fn;

    for (const statement of tablePolicyStatements(route.store, table.tableArn)) {
      this.fn.addToRolePolicy(new PolicyStatement(statement));
    }

    if (route.managesUsers) {
      this.fn.addToRolePolicy(
        new PolicyStatement({ actions: [...USER_ADMIN_ACTIONS], resources: [userPool.userPoolArn] }),
      );
    }
  }
}
