import { Stack, type CfnElement } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { routeKey, type Route, tableAccessOf } from '../../shared/http/route.js';
import { acknowledge } from '../nag.js';
import { CajaFunction } from './caja-function.js';

/** What every endpoint needs to know about its environment. */
export interface EndpointContext {
  table: Table;
  userPool: IUserPool;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` */
  authIssuer: string;
  authClientId: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
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
 * The Lambda function behind one route of the route table, with least-privilege grants: the table
 * access the route table gives it (`tableAccessOf`: none, read or read-write), and Cognito admin rights on the
 * Caja pool only for routes that manage users.
 */
export class EndpointFunction extends Construct {
  readonly route: Route;
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: EndpointFunctionProps) {
    super(scope, id);
    const { route, table, userPool } = props;
    this.route = route;

    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      AUTH_ISSUER: props.authIssuer,
      AUTH_CLIENT_ID: props.authClientId,
      LOG_LEVEL: props.logLevel ?? 'info',
    };
    if (route.managesUsers) environment.USER_POOL_ID = userPool.userPoolId;

    const built = new CajaFunction(this, 'Handler', {
      handler: route.handler,
      description: `Caja ${routeKey(route)}`,
      environment,
    });
    this.fn = built.fn;

    const access = tableAccessOf(route);
    if (access !== 'none') {
      if (access === 'read') table.grantReadData(this.fn);
      else table.grantReadWriteData(this.fn);
      const tableLogicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
      acknowledge(built.role, 'AwsSolutions-IAM5', `Resource::<${tableLogicalId}.Arn>/index/*`);
    }

    if (route.managesUsers) {
      this.fn.addToRolePolicy(
        new PolicyStatement({ actions: [...USER_ADMIN_ACTIONS], resources: [userPool.userPoolArn] }),
      );
    }
  }
}
