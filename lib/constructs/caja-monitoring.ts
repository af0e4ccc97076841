import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmRule,
  AlarmStatusWidget,
  ComparisonOperator,
  CompositeAlarm,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { Api } from '../../shared/apis.js';
import { apiOf, type Route, routeKey } from '../../shared/http/route.js';
import type { CajaApi } from './caja-api.js';
import { routeConstructId } from './caja-api.js';

export interface AlarmThresholds {
  /** Share of a route's requests answered 5xx, in percent, over five minutes. */
  serverErrorRatePercent: number;
  /** p99 of a route's API Gateway latency, in milliseconds, over five minutes. */
  latencyP99Ms: number;
}

export const DEFAULT_THRESHOLDS: AlarmThresholds = { serverErrorRatePercent: 1, latencyP99Ms: 2000 };

export interface CajaMonitoringProps {
  api: CajaApi;
  table: Table;
  /** Subscribed to the alarm topic when given (CDK context `alarmEmail`). */
  alarmEmail?: string;
  thresholds?: Partial<AlarmThresholds>;
}

/** The DynamoDB operations the store sends (shared/store): the ones whose throttles and errors count. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];
const PERIOD = Duration.minutes(5);

/** Alarms of one API: per route (API Gateway route metrics) and per function (Lambda), grouped below. */
interface ApiAlarms {
  api: Api;
  routes: Route[];
  serverErrorRate: { route: Route; metric: IMetric; alarm: Alarm }[];
  latency: { route: Route; metric: IMetric; alarm: Alarm }[];
  functionErrors: { route: Route; metric: IMetric; alarm: Alarm }[];
  functionThrottles: { route: Route; metric: IMetric; alarm: Alarm }[];
  /** ANY of the API's alarms: what notifies, so one bad deploy of an API is one email, not forty. */
  composite: CompositeAlarm;
}

/**
 * Operations for the whole stack: per API, alarms on the 5xx rate and p99 latency of each route
 * (HTTP API detailed metrics, turned on by CajaApi) and on Lambda errors and throttles of each
 * function, grouped into one composite alarm per API (the API of a route is the folder of its
 * handler, `apiOf`); DynamoDB throttled requests and system errors on the table. Composites and table
 * alarms notify one SNS topic (KMS-encrypted, TLS only). One dashboard shows the same figures.
 *
 * Why per route and composite rather than one metric-math alarm per API: an alarm's math can use at
 * most 10 metrics, and an API has up to ~15 routes (30 metrics for a rate).
 */
export class CajaMonitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly apis: ApiAlarms[] = [];
  readonly tableThrottles: Alarm;
  readonly tableSystemErrors: Alarm;

  constructor(scope: Construct, id: string, props: CajaMonitoringProps) {
    super(scope, id);
    const thresholds = { ...DEFAULT_THRESHOLDS, ...props.thresholds };

    // CloudWatch must be able to use the key to publish to an encrypted topic; the AWS-managed SNS key cannot be shared.
    const key = new Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: 'Caja alarm topic encryption' });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Caja alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const notify = new SnsAction(this.topic);

    const apiId = props.api.httpApi.apiId;
    const routeMetric = (route: Route, metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        statistic,
        period: PERIOD,
        dimensionsMap: { ApiId: apiId, Stage: '$default', Method: route.method, Resource: route.path },
      });

    const byApi = new Map<Api, Route[]>();
    for (const { fn } of props.api.endpoints.values()) {
      const api = apiOf(fn.route);
      byApi.set(api, [...(byApi.get(api) ?? []), fn.route]);
    }

    for (const [api, routes] of byApi) {
      const scopeOfApi = new Construct(this, `Api-${api}`);
      const alarms: Omit<ApiAlarms, 'composite'> = { api, routes, serverErrorRate: [], latency: [], functionErrors: [], functionThrottles: [] };
      for (const route of routes) {
        const id = routeConstructId(route);
        const fn = props.api.endpoints.get(routeKey(route))!.fn.fn;
        // Ids unique per route: the dashboard graphs every route's expression in one widget.
        const [errorsId, requestsId] = [`errors_${id}`, `requests_${id}`];
        const rate = new MathExpression({
          expression: `IF(${requestsId} > 0, 100 * ${errorsId} / ${requestsId}, 0)`,
          usingMetrics: { [errorsId]: routeMetric(route, '5xx', 'Sum'), [requestsId]: routeMetric(route, 'Count', 'Sum') },
          label: `${routeKey(route)} 5xx %`,
          period: PERIOD,
        });
        const latency = routeMetric(route, 'Latency', 'p99').with({ label: `${routeKey(route)} p99` });
        const errors = fn.metricErrors({ period: PERIOD, statistic: 'Sum', label: `${route.handler} errors` });
        const throttles = fn.metricThrottles({ period: PERIOD, statistic: 'Sum', label: `${route.handler} throttles` });
        const alarm = (suffix: string, metric: IMetric, threshold: number, description: string, evaluationPeriods = 1) =>
          new Alarm(scopeOfApi, `${id}${suffix}`, {
            metric,
            threshold,
            evaluationPeriods,
            comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            treatMissingData: TreatMissingData.NOT_BREACHING,
            alarmDescription: `${routeKey(route)}: ${description}`,
          });
        alarms.serverErrorRate.push({ route, metric: rate, alarm: alarm('ServerErrorRate', rate, thresholds.serverErrorRatePercent, `5xx >= ${thresholds.serverErrorRatePercent}% of requests over 5 minutes`) });
        // Two periods in a row: one slow cold-start burst is not a page.
        alarms.latency.push({ route, metric: latency, alarm: alarm('LatencyP99', latency, thresholds.latencyP99Ms, `p99 latency >= ${thresholds.latencyP99Ms} ms for 10 minutes`, 2) });
        alarms.functionErrors.push({ route, metric: errors, alarm: alarm('FunctionErrors', errors, 1, 'the function failed (unhandled error or timeout)') });
        alarms.functionThrottles.push({ route, metric: throttles, alarm: alarm('FunctionThrottles', throttles, 1, 'Lambda throttled invocations (concurrency)') });
      }
      const members = [...alarms.serverErrorRate, ...alarms.latency, ...alarms.functionErrors, ...alarms.functionThrottles].map((a) => a.alarm);
      const composite = new CompositeAlarm(scopeOfApi, 'Any', {
        alarmRule: AlarmRule.anyOf(...members),
        alarmDescription: `Caja ${api} API: a route's 5xx rate or p99 latency, or a function's errors or throttles, is over its threshold`,
      });
      composite.addAlarmAction(notify);
      composite.addOkAction(notify);
      this.apis.push({ ...alarms, composite });
    }

    const tableAlarm = (id: string, metric: IMetric, description: string) => {
      const alarm = new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
      return alarm;
    };
    const tableOptions = { operations: TABLE_OPERATIONS, period: PERIOD };
    this.tableThrottles = tableAlarm('TableThrottledRequests', props.table.metricThrottledRequestsForOperations(tableOptions), 'DynamoDB throttled requests on the Caja table (callers answered 503)');
    this.tableSystemErrors = tableAlarm('TableSystemErrors', props.table.metricSystemErrorsForOperations(tableOptions), 'DynamoDB system errors (HTTP 500 from DynamoDB) on the Caja table');

    this.dashboard = this.buildDashboard();
  }

  private buildDashboard(): Dashboard {
    const dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    const alarms: IAlarm[] = [...this.apis.map((a) => a.composite), this.tableThrottles, this.tableSystemErrors];
    dashboard.addWidgets(
      new TextWidget({ markdown: '# Caja\nPer API: 5xx rate and p99 latency by route, Lambda errors and throttles by function. Then the table.', width: 16, height: 2 }),
      new AlarmStatusWidget({ title: 'Alarms', alarms, width: 8, height: 2 }),
    );
    for (const api of this.apis) {
      const graph = (title: string, metrics: IMetric[]) => new GraphWidget({ title: `${api.api}: ${title}`, left: metrics, width: 8, height: 6 });
      dashboard.addWidgets(
        graph('5xx rate by route (%)', api.serverErrorRate.map((a) => a.metric)),
        graph('p99 latency by route (ms)', api.latency.map((a) => a.metric)),
        graph('Lambda errors and throttles', [...api.functionErrors, ...api.functionThrottles].map((a) => a.metric)),
      );
    }
    dashboard.addWidgets(
      new GraphWidget({ title: 'DynamoDB throttled requests', left: [this.tableThrottles.metric], width: 12, height: 6 }),
      new GraphWidget({ title: 'DynamoDB system errors', left: [this.tableSystemErrors.metric], width: 12, height: 6 }),
    );
    return dashboard;
  }
}
