import { NestedStack } from 'aws-cdk-lib';
import type { CompositeAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, type IHttpApi, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Construct } from 'constructs';
import { apiOf, type Route } from '../../shared/http/route.js';
import { acknowledge } from '../nag.js';
import { groupStackId, pascalCase } from '../route-groups.js';
import { EndpointFunction, type EndpointContext } from './endpoint-function.js';
import { type AlarmThresholds, anyOf, type NamedAlarm, RouteAlarms } from './route-alarms.js';

/** Construct id of a route, from its handler module: `ledger/create-party` → `LedgerCreateParty`. */
export function routeConstructId(route: Pick<Route, 'handler'>): string {
  return pascalCase(route.handler);
}

export interface ApiStackProps extends EndpointContext {
  /** lib/route-groups.ts: the API, or the API and resource, these routes belong to. */
  group: string;
  routes: readonly Route[];
  httpApi: IHttpApi;
  /** The Cognito JWT authorizer of the parent's HTTP API (public routes get none). */
  authorizer: IHttpRouteAuthorizer;
  thresholds: AlarmThresholds;
  /** Start of every alarm name (the top-level stack's name). */
  alarmNamePrefix: string;
}

/**
 * Everything one route costs, in one construct: its function with its grants, its API Gateway route
 * and integration (and the permission to invoke it), and its alarms. The stack budget test counts
 * what a route costs from here.
 */
export class RouteEndpoint extends Construct {
  readonly route: Route;
  readonly fn: EndpointFunction;
  readonly httpRoute: HttpRoute;
  readonly alarms: RouteAlarms;

  constructor(scope: Construct, id: string, props: Omit<ApiStackProps, 'group' | 'routes'> & { route: Route }) {
    super(scope, id);
    const { route, httpApi, authorizer, thresholds, alarmNamePrefix, ...context } = props;
    this.route = route;
    this.fn = new EndpointFunction(this, 'Function', { ...context, route });
    const isPublic = route.roles === 'public';
    this.httpRoute = new HttpRoute(this, 'Route', {
      httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration('Integration', this.fn.fn),
      authorizer: isPublic ? new HttpNoneAuthorizer() : authorizer,
    });
    if (isPublic) acknowledge(this.httpRoute, 'AwsSolutions-APIG4');
    this.alarms = new RouteAlarms(this, 'Alarms', { route, routeId: id, fn: this.fn.fn, apiId: httpApi.apiId, thresholds, namePrefix: alarmNamePrefix });
  }
}

/**
 * The routes of one group (lib/route-groups.ts) in a nested stack of their own, so that no stack nears
 * CloudFormation's 500 resources. The shared parts (table, user pool, HTTP API, authorizer) come from
 * the parent; CDK passes their ids in as parameters. One composite alarm (more when CloudWatch's rule
 * limits demand) is in ALARM when any of the group's route alarms is; the parent's per-API composite
 * names it and notifies.
 */
export class ApiStack extends NestedStack {
  readonly group: string;
  readonly endpoints: RouteEndpoint[] = [];
  readonly composites: NamedAlarm<CompositeAlarm>[];

  constructor(scope: Construct, props: ApiStackProps) {
    const id = groupStackId(props.group);
    super(scope, id, { description: `Caja routes: ${props.group}` });
    const { group, routes, ...shared } = props;
    this.group = group;
    for (const route of routes) {
      this.endpoints.push(new RouteEndpoint(this, routeConstructId(route), { ...shared, route }));
    }
    const members = this.endpoints.flatMap((e) => e.alarms.all);
    this.composites = anyOf(this, 'Any', `${props.alarmNamePrefix}-${id}-Any`, members,
      `Caja ${group} routes (${apiOf(routes[0]!)} API): a route's 5xx rate or p99 latency, or a function's errors or throttles, is over its threshold`);
  }
}
