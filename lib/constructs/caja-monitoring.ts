import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  type CompositeAlarm,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
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
import { METRICS_NAMESPACE, type MetricName } from '../../shared/metrics.js';
import { apiOf, type Route } from '../../shared/http/route.js';
import type { ApiStack } from './api-stack.js';
import { ALARM_PERIOD, anyOf, type NamedAlarm, type RouteAlarm } from './route-alarms.js';

export interface CajaMonitoringProps {
  /** The nested stacks of the route groups, with their route alarms and group composites. */
  apiStacks: readonly ApiStack[];
  table: Table;
  /** Subscribed to the alarm topic when given (CDK context `alarmEmail`). */
  alarmEmail?: string;
  /** Start of the per-API composite alarms' names (the stack's name). */
  alarmNamePrefix: string;
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
type ApiRouteAlarm = RouteAlarm & { route: Route };

/** Alarms of one API: per route (API Gateway route metrics) and per function (Lambda), grouped below. */
interface ApiAlarms {
  api: Api;
  routes: Route[];
  serverErrorRate: ApiRouteAlarm[];
  latency: ApiRouteAlarm[];
  functionErrors: ApiRouteAlarm[];
  functionThrottles: ApiRouteAlarm[];
  /** The composites of the API's route groups (in their nested stacks), each over some of the alarms above. */
  groupComposites: NamedAlarm<CompositeAlarm>[];
  /** ANY of the API's group composites: what notifies, so one bad deploy of an API is one email, not forty. */
  composite: CompositeAlarm;
}

/**
 * Operations for the whole stack: per API, alarms on the 5xx rate and p99 latency of each route
 * (HTTP API detailed metrics, turned on by CajaApi) and on Lambda errors and throttles of each
 * function (RouteAlarms, beside each route in its group's nested stack), grouped by the composite of
 * each route group and here into one composite alarm per API (the API of a route is the folder of its
 * handler, `apiOf`); DynamoDB throttled requests and system errors on the table. The per-API
 * composites and table alarms notify one SNS topic (KMS-encrypted, TLS only). One dashboard shows the
 * same figures.
 *
 * Why per route and composite rather than one metric-math alarm per API: an alarm's math can use at
 * most 10 metrics, and an API has up to ~30 routes (60 metrics for a rate).
 */
export class CajaMonitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly apis: ApiAlarms[] = [];
  readonly tableThrottles: Alarm;
  readonly tableSystemErrors: Alarm;

  constructor(scope: Construct, id: string, props: CajaMonitoringProps) {
    super(scope, id);

    // CloudWatch must be able to use the key to publish to an encrypted topic; the AWS-managed SNS key cannot be shared.
    const key = new Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: 'Caja alarm topic encryption' });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Caja alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const notify = new SnsAction(this.topic);

    const byApi = new Map<Api, ApiStack[]>();
    for (const stack of props.apiStacks) {
      const api = apiOf(stack.endpoints[0]!.route);
      byApi.set(api, [...(byApi.get(api) ?? []), stack]);
    }
    for (const [api, stacks] of byApi) {
      const endpoints = stacks.flatMap((s) => s.endpoints);
      const of = (kind: 'serverErrorRate' | 'latency' | 'functionErrors' | 'functionThrottles') => endpoints.map((e) => ({ ...e.alarms[kind], route: e.route }));
      const groupComposites = stacks.flatMap((s) => s.composites);
      const [composite, ...more] = anyOf(this, `Api-${api}`, `${props.alarmNamePrefix}-${api}-Any`, groupComposites,
        `Caja ${api} API: a route's 5xx rate or p99 latency, or a function's errors or throttles, is over its threshold`);
      if (more.length) throw new Error(`${api}: too many route groups for one composite alarm`);
      composite!.alarm.addAlarmAction(notify);
      composite!.alarm.addOkAction(notify);
      this.apis.push({
        api,
        routes: endpoints.map((e) => e.route),
        serverErrorRate: of('serverErrorRate'),
        latency: of('latency'),
        functionErrors: of('functionErrors'),
        functionThrottles: of('functionThrottles'),
        groupComposites,
        composite: composite!.alarm,
      });
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
    const tableOptions = { operations: TABLE_OPERATIONS, period: ALARM_PERIOD };
    this.tableThrottles = tableAlarm('TableThrottledRequests', props.table.metricThrottledRequestsForOperations(tableOptions), 'DynamoDB throttled requests on the Caja table (callers answered 503)');
    this.tableSystemErrors = tableAlarm('TableSystemErrors', props.table.metricSystemErrorsForOperations(tableOptions), 'DynamoDB system errors (HTTP 500 from DynamoDB) on the Caja table');

    this.dashboard = this.buildDashboard();
  }

  private buildDashboard(): Dashboard {
    const dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    const alarms: IAlarm[] = [...this.apis.map((a) => a.composite), this.tableThrottles, this.tableSystemErrors];
    dashboard.addWidgets(
      new TextWidget({ markdown: '# Caja\nPer API: 5xx rate and p99 latency by route, Lambda errors and throttles by function. Then business metrics (EMF) and the table.', width: 16, height: 2 }),
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
    // The functions' EMF lines (shared/metrics.ts): every API's series found by SEARCH, so a new API needs no change here.
    const business = (name: MetricName, dimensions: string) =>
      new GraphWidget({
        title: `${name} by ${dimensions.replace(/,/g, ' and ')}`,
        left: [new MathExpression({ expression: `SEARCH('{${METRICS_NAMESPACE},${dimensions}} MetricName="${name}"', 'Sum', 300)`, label: '', period: Duration.minutes(5) })],
        width: 6,
        height: 6,
      });
    dashboard.addWidgets(
      business('PaymentsRecorded', 'Api'),
      business('IdempotentReplays', 'Api'),
      business('ClientErrors', 'Api,Code'),
      business('StoreUnavailable', 'Api'),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'DynamoDB throttled requests', left: [this.tableThrottles.metric], width: 12, height: 6 }),
      new GraphWidget({ title: 'DynamoDB system errors', left: [this.tableSystemErrors.metric], width: 12, height: 6 }),
    );
    return dashboard;
  }
}
