import { Duration } from 'aws-cdk-lib';
import {
  CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  type HttpRouteAuthorizerConfig,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { CorsPolicy } from '../cors.js';

export interface CajaApiProps {
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` */
  authIssuer: string;
  authClientId: string;
  /** Default stage throttling (requests per second, steady state). */
  throttleRateLimit?: number;
  /** Default stage throttling (burst). */
  throttleBurstLimit?: number;
  /** Browser origins and what they may send (lib/cors.ts); none: no CORS configuration. */
  cors?: CorsPolicy | undefined;
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

/** The JWT authorizer, created once in the parent stack and bound by routes in any nested stack. */
class SharedAuthorizer implements IHttpRouteAuthorizer {
  constructor(private readonly authorizer: HttpAuthorizer) {}
  bind(): HttpRouteAuthorizerConfig {
    return { authorizerId: this.authorizer.authorizerId, authorizationType: 'JWT' };
  }
}

/**
 * The HTTP API, its `$default` stage (JSON access logs, route-level metrics, default throttling) and
 * the Cognito JWT authorizer. The routes live in the nested stacks of their groups (ApiStack), which
 * bind `routeAuthorizer` on every route whose roles are not 'public'.
 */
export class CajaApi extends Construct {
  readonly httpApi: HttpApi;
  readonly accessLogs: LogGroup;
  readonly authorizer: HttpAuthorizer;
  readonly routeAuthorizer: IHttpRouteAuthorizer;

  constructor(scope: Construct, id: string, props: CajaApiProps) {
    super(scope, id);
    const { throttleRateLimit = 100, throttleBurstLimit = 200, cors } = props;

    // API Gateway answers preflights from this configuration itself: an OPTIONS request never reaches
    // the authorizer (no route is declared for OPTIONS or ANY).
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
      // Route-level metrics (5xx, Count, Latency per method and path): what the per-route alarms watch.
      detailedMetricsEnabled: true,
      throttlingRateLimit: throttleRateLimit,
      throttlingBurstLimit: throttleBurstLimit,
    };

    this.authorizer = new HttpAuthorizer(this.httpApi, 'CognitoJwt', {
      httpApi: this.httpApi,
      type: HttpAuthorizerType.JWT,
      authorizerName: 'cognito-access-token',
      jwtAudience: [props.authClientId],
      jwtIssuer: props.authIssuer,
      identitySource: ['$request.header.Authorization'],
    });
    this.routeAuthorizer = new SharedAuthorizer(this.authorizer);
  }
}
