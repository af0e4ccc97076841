import { Duration } from 'aws-cdk-lib';
import { Alarm, AlarmRule, ComparisonOperator, CompositeAlarm, type IMetric, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { type Route, routeKey } from '../../shared/http/route.js';

export interface AlarmThresholds {
  /** Share of a route's requests answered 5xx, in percent, over five minutes. */
  serverErrorRatePercent: number;
  /** p99 of a route's API Gateway latency, in milliseconds, over five minutes. */
  latencyP99Ms: number;
}

export const DEFAULT_THRESHOLDS: AlarmThresholds = { serverErrorRatePercent: 1, latencyP99Ms: 2000 };

export const ALARM_PERIOD = Duration.minutes(5);

/** CloudWatch's limits on one composite alarm's rule (PutCompositeAlarm): alarms named, and characters. */
export const COMPOSITE_RULE_LIMITS = { alarms: 100, characters: 10_240 } as const;

/** An alarm with its name as a plain string (a composite's rule names its members). */
export interface NamedAlarm<A extends Alarm | CompositeAlarm = Alarm> {
  alarm: A;
  name: string;
}

export interface RouteAlarm extends NamedAlarm {
  metric: IMetric;
}

export interface RouteAlarmsProps {
  route: Route;
  /** Unique per route, ASCII letters and digits (the route's construct id): math ids and alarm names use it. */
  routeId: string;
  fn: IFunction;
  apiId: string;
  thresholds: AlarmThresholds;
  /** Start of every alarm name: the top-level stack's name, so two instances of the stack never collide. */
  namePrefix: string;
}

/**
 * The four alarms of one route: its 5xx rate and p99 latency (HTTP API route metrics, turned on by
 * CajaApi), and its function's Lambda errors and throttles. They notify nobody on their own: the
 * composites of their group do (anyOf below, then CajaMonitoring per API). Names are set, short and
 * literal, so a composite's rule can name them within CloudWatch's rule length.
 */
export class RouteAlarms extends Construct {
  readonly serverErrorRate: RouteAlarm;
  readonly latency: RouteAlarm;
  readonly functionErrors: RouteAlarm;
  readonly functionThrottles: RouteAlarm;

  constructor(scope: Construct, id: string, props: RouteAlarmsProps) {
    super(scope, id);
    const { route, routeId, fn, apiId, thresholds } = props;
    const routeMetric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        statistic,
        period: ALARM_PERIOD,
        dimensionsMap: { ApiId: apiId, Stage: '$default', Method: route.method, Resource: route.path },
      });
    // Ids unique per route: the dashboard graphs every route's expression in one widget.
    const [errorsId, requestsId] = [`errors_${routeId}`, `requests_${routeId}`];
    const rate = new MathExpression({
      expression: `IF(${requestsId} > 0, 100 * ${errorsId} / ${requestsId}, 0)`,
      usingMetrics: { [errorsId]: routeMetric('5xx', 'Sum'), [requestsId]: routeMetric('Count', 'Sum') },
      label: `${routeKey(route)} 5xx %`,
      period: ALARM_PERIOD,
    });
    const latency = routeMetric('Latency', 'p99').with({ label: `${routeKey(route)} p99` });
    const errors = fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum', label: `${route.handler} errors` });
    const throttles = fn.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum', label: `${route.handler} throttles` });

    const alarm = (kind: string, metric: IMetric, threshold: number, description: string, evaluationPeriods = 1): RouteAlarm => {
      const name = `${props.namePrefix}-${routeId}-${kind}`;
      const created = new Alarm(this, kind, {
        alarmName: name,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `${routeKey(route)}: ${description}`,
      });
      return { alarm: created, name, metric };
    };
    this.serverErrorRate = alarm('ServerErrorRate', rate, thresholds.serverErrorRatePercent, `5xx >= ${thresholds.serverErrorRatePercent}% of requests over 5 minutes`);
    // Two periods in a row: one slow cold-start burst is not a page.
    this.latency = alarm('LatencyP99', latency, thresholds.latencyP99Ms, `p99 latency >= ${thresholds.latencyP99Ms} ms for 10 minutes`, 2);
    this.functionErrors = alarm('FunctionErrors', errors, 1, 'the function failed (unhandled error or timeout)');
    this.functionThrottles = alarm('FunctionThrottles', throttles, 1, 'Lambda throttled invocations (concurrency)');
  }

  get all(): RouteAlarm[] {
    return [this.serverErrorRate, this.latency, this.functionErrors, this.functionThrottles];
  }
}

/** A composite rule naming every member: in ALARM when any of them is. */
export const anyOfRule = (names: readonly string[]) => names.map((name) => `ALARM("${name}")`).join(' OR ');

/**
 * Composite alarms in ALARM when any member is, as few as CloudWatch's rule limits allow: members are
 * taken in order into composites `${id}`, `${id}2`, … named `${name}`, `${name}2`, …
 */
export function anyOf(scope: Construct, id: string, name: string, members: readonly NamedAlarm<Alarm | CompositeAlarm>[], description: string): NamedAlarm<CompositeAlarm>[] {
  const chunks: NamedAlarm<Alarm | CompositeAlarm>[][] = [];
  for (const member of members) {
    const last = chunks.at(-1);
    const fits = last && last.length < COMPOSITE_RULE_LIMITS.alarms && anyOfRule([...last, member].map((m) => m.name)).length <= COMPOSITE_RULE_LIMITS.characters;
    if (fits) last.push(member);
    else chunks.push([member]);
  }
  return chunks.map((chunk, index) => {
    const suffix = index === 0 ? '' : String(index + 1);
    const composite = new CompositeAlarm(scope, `${id}${suffix}`, {
      compositeAlarmName: `${name}${suffix}`,
      alarmRule: AlarmRule.fromString(anyOfRule(chunk.map((m) => m.name))),
      alarmDescription: description,
    });
    // The rule names its members: CloudWatch refuses a rule naming an alarm that does not exist yet.
    composite.node.addDependency(...chunk.map((m) => m.alarm));
    return { alarm: composite, name: `${name}${suffix}` };
  });
}
