import { Duration } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type Route } from '../../shared/http/route.js';
import { acknowledge } from '../nag.js';
import { corsPolicy } from '../cors.js';
import { EndpointFunction, type EndpointContext } from './endpoint-function.js';

export interface CajaApiProps extends EndpointContext {
  routes: readonly Route[];
  /** Default stage throttling (requests per second, steady state). */
  throttleRateLimit?: number;
  /** Default stage throttling (burst). */
  throttleBurstLimit?: number;
  /** Origins allowed cross-origin (lib/cors.ts); none: no CORS configuration. */
  corsOrigins?: readonly string[];
}

/** One JSON line per request in the access log: who, what, outcome and latency; never tokens or bodies. */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  tenant: '$context.authorizer.claims.tenant_id',
  sub: '$context.authorizer.claims.sub',
});

/** Construct id for a route, from its handler module: `ledger/create-party` → `LedgerCreateParty`. */
export function routeConstructId(route: Pick<Route, 'handler'>): string {
  return route.handler
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The HTTP API: one Lambda integration per route-table entry, the Cognito JWT authorizer on every route
 * whose roles are not 'public', JSON access logs and default throttling on the `$default` stage.
 */
export class CajaApi extends Construct {
  readonly httpApi: HttpApi;
  readonly accessLogs: LogGroup;
  readonly authorizer: HttpJwtAuthorizer;
  /** Function and API Gateway routes of every route-table entry, by route key (`GET /health`). */
  readonly endpoints = new Map<string, { fn: EndpointFunction; routes: HttpRoute[] }>();

  constructor(scope: Construct, id: string, props: CajaApiProps) {
    super(scope, id);
    const { routes, throttleRateLimit = 100, throttleBurstLimit = 200, corsOrigins = [], ...context } = props;

    // API Gateway answers preflights from this configuration itself: an OPTIONS request never reaches
    // the authorizer (no route below is declared for OPTIONS or ANY).
    const cors = corsPolicy(corsOrigins, routes);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Caja payments ledger',
      createDefaultStage: true,
      ...(cors
        ? {
            corsPreflight: {
              allowOrigins: [...cors.allowOrigins],
              allowMethods: cors.allowMethods.map((method) => CorsHttpMethod[method]),
              allowHeaders: [...cors.allowHeaders],
              exposeHeaders: [...cors.exposeHeaders],
              maxAge: Duration.seconds(cors.maxAgeSeconds),
            },
          }
        : {}),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = this.httpApi.defaultStage!.node.defaultChild as CfnStage;
    stage.accessLogSettings = { destinationArn: this.accessLogs.logGroupArn, format: ACCESS_LOG_FORMAT };
    stage.defaultRouteSettings = {
      // Route-level metrics (5xx, Count, Latency per method and path): what the per-API alarms watch.
      detailedMetricsEnabled: true,
      throttlingRateLimit: throttleRateLimit,
      throttlingBurstLimit: throttleBurstLimit,
    };

    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', context.authIssuer, {
      authorizerName: 'cognito-access-token',
      jwtAudience: [context.authClientId],
      identitySource: ['$request.header.Authorization'],
    });
    const none = new HttpNoneAuthorizer();

    for (const route of routes) {
      const key = routeKey(route);
      if (this.endpoints.has(key)) throw new Error(`duplicate route ${key}`);
      const constructId = routeConstructId(route);
      const fn = new EndpointFunction(this, constructId, { ...context, route });
      const isPublic = route.roles === 'public';
      const apiRoutes = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${constructId}Integration`, fn.fn),
        authorizer: isPublic ? none : this.authorizer,
      });
      if (isPublic) for (const apiRoute of apiRoutes) acknowledge(apiRoute, 'AwsSolutions-APIG4');
      this.endpoints.set(key, { fn, routes: apiRoutes });
    }
  }
}
