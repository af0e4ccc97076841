/**
 * Operations in the synthesized template (issue 14 item 6): JSON logs with a level and a retention,
 * active tracing, per-API alarms on the 5xx rate and p99 latency of each route and on Lambda errors and
 * throttles, DynamoDB throttles and system errors, all notifying one encrypted SNS topic with an email
 * subscription from the stack props (CDK context in bin/caja.ts), and one dashboard with those figures.
 *
 * Called by caja-stack.test.ts on its synthesis (one synthesis of the whole stack per run: it takes
 * tens of seconds on a busy machine), which uses OPERATIONS_PROPS.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { APIS, apiOf, routeKey, routes as routeTable, type Route } from '../../functions/routes.js';
import { COMPOSITE_RULE_LIMITS, DEFAULT_THRESHOLDS } from '../../lib/constructs/route-alarms.js';
import type { CajaStackProps } from '../../lib/caja-stack.js';
import type { SynthesizedCaja } from './synthesized.js';

const routes = routeTable as readonly Route[];
const EMAIL = 'oncall@example.com';
/** Not the defaults, so the checks below see the props (CDK context) reach the template. */
export const OPERATIONS_PROPS = { logLevel: 'warn', logRetention: RetentionDays.THREE_MONTHS, alarmEmail: EMAIL } as const satisfies CajaStackProps;

export function describeOperations(synthesized: () => SynthesizedCaja): void {
  let caja: SynthesizedCaja;
  beforeAll(() => {
    caja = synthesized();
  });

  const resources = (type: string) => Object.entries(caja.findResources(type));
  type MetricRef = { namespace: string; name: string; stat: string; dims: Record<string, unknown> };
  /** The metrics an alarm reads, whichever form CDK rendered (single metric, or Metrics[] with labels or math). */
  function alarmMetrics(props: Record<string, any>): MetricRef[] {
    const dimsOf = (dims: { Name: string; Value: unknown }[] = []) => Object.fromEntries(dims.map((d) => [d.Name, d.Value]));
    if (props.MetricName) return [{ namespace: props.Namespace, name: props.MetricName, stat: props.ExtendedStatistic ?? props.Statistic, dims: dimsOf(props.Dimensions) }];
    return (props.Metrics as { MetricStat?: { Metric: Record<string, any>; Stat: string } }[]).flatMap((m) =>
      m.MetricStat ? [{ namespace: m.MetricStat.Metric.Namespace, name: m.MetricStat.Metric.MetricName, stat: m.MetricStat.Stat, dims: dimsOf(m.MetricStat.Metric.Dimensions) }] : [],
    );
  }
  const alarmProps = (alarm: IConstruct) => caja.resourceOf(alarm).Properties;

  const apisInUse = () => APIS.filter((api) => routes.some((r) => apiOf(r) === api));

  describe('logs and tracing', () => {
    it('logs every function as JSON at the configured level into a log group with the configured retention', () => {
      const functions = resources('AWS::Lambda::Function');
      expect(functions.length).toBe(routes.length + 1);
      for (const [id, fn] of functions) {
        expect(fn.Properties.LoggingConfig, id).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'WARN', SystemLogLevel: 'WARN' });
        expect(fn.Properties.Environment.Variables.LOG_LEVEL, id).toBe('warn');
        const group = caja.resource(`${id.slice(0, id.lastIndexOf('/'))}/${fn.Properties.LoggingConfig.LogGroup.Ref}`);
        expect(group.Properties.RetentionInDays, id).toBe(90);
      }
    });

    it('traces every function with the runtime X-Ray support (no tracer library needed)', () => {
      for (const [id, fn] of resources('AWS::Lambda::Function')) expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      for (const route of routes) expect(caja.actionsOf(route), routeKey(route)).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
    });

    it('turns on route-level metrics on the HTTP API stage (the per-route alarms read them)', () => {
      caja.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { DetailedMetricsEnabled: true } });
    });
  });

  describe('alarms', () => {
    const routeAlarms = (route: Route) => caja.stack.monitoring.apis.find((a) => a.api === apiOf(route))!;

    it("alarms on each route's 5xx rate (math over its 5xx and Count) and p99 latency, by method and path", () => {
      for (const route of routes) {
        const api = routeAlarms(route);
        const rate = alarmProps(api.serverErrorRate.find((a) => a.route === route)!.alarm);
        expect(rate.Threshold).toBe(DEFAULT_THRESHOLDS.serverErrorRatePercent);
        const read = alarmMetrics(rate);
        expect(read.map((m) => m.name).sort()).toEqual(['5xx', 'Count']);
        for (const metric of read) expect(metric.dims, routeKey(route)).toMatchObject({ Method: route.method, Resource: route.path, Stage: '$default' });
        const latency = alarmProps(api.latency.find((a) => a.route === route)!.alarm);
        expect(latency.Threshold).toBe(DEFAULT_THRESHOLDS.latencyP99Ms);
        expect(alarmMetrics(latency)).toEqual([
          { namespace: 'AWS/ApiGateway', name: 'Latency', stat: 'p99', dims: expect.objectContaining({ Method: route.method, Resource: route.path }) },
        ]);
      }
    });

    it("alarms on each function's Lambda errors and throttles", () => {
      for (const route of routes) {
        const api = routeAlarms(route);
        const fnRef = { Ref: caja.logicalId(caja.endpoint(route).fn.fn) };
        for (const [list, name] of [[api.functionErrors, 'Errors'], [api.functionThrottles, 'Throttles']] as const) {
          const props = alarmProps(list.find((a) => a.route === route)!.alarm);
          expect(props.Threshold).toBe(1);
          expect(alarmMetrics(props), routeKey(route)).toEqual([{ namespace: 'AWS/Lambda', name, stat: 'Sum', dims: { FunctionName: fnRef } }]);
        }
      }
    });

    it('groups every route and function alarm into the composites of its route group, and those into one composite per API, which notifies the topic', () => {
      const topic = { Ref: caja.logicalId(caja.stack.monitoring.topic) };
      const ruleOf = (alarm: IConstruct) => alarmProps(alarm).AlarmRule as string;
      const nameOf = (alarm: IConstruct) => alarmProps(alarm).AlarmName as string;
      expect(caja.stack.monitoring.apis.map((a) => a.api).sort()).toEqual([...apisInUse()].sort());
      const apiComposites = caja.stack.monitoring.apis.map((a) => a.composite);
      for (const api of caja.stack.monitoring.apis) {
        const props = alarmProps(api.composite);
        expect(props.AlarmActions).toEqual([topic]);
        expect(props.OKActions).toEqual([topic]);
        // The API's composite names each composite of its groups, and they name every route and function alarm.
        expect(api.groupComposites.length).toBeGreaterThan(0);
        for (const group of api.groupComposites) expect(ruleOf(api.composite), api.api).toContain(`ALARM("${nameOf(group.alarm)}")`);
        const members = [...api.serverErrorRate, ...api.latency, ...api.functionErrors, ...api.functionThrottles];
        expect(members.length).toBe(api.routes.length * 4);
        const groupRules = api.groupComposites.map((g) => ruleOf(g.alarm)).join(' OR ');
        for (const { alarm } of members) expect(groupRules, api.api).toContain(`ALARM("${nameOf(alarm)}")`);
      }
      // Every composite stays within CloudWatch's rule limits, and is created after the alarms it names.
      const composites = resources('AWS::CloudWatch::CompositeAlarm');
      expect(composites.length).toBe(apiComposites.length + caja.stack.apiStacks.flatMap((s) => s.composites).length);
      for (const [id, composite] of composites) {
        const rule = composite.Properties.AlarmRule as string;
        expect(typeof rule, id).toBe('string');
        expect(rule.length, id).toBeLessThanOrEqual(COMPOSITE_RULE_LIMITS.characters);
        expect(rule.match(/ALARM\("/g)?.length, id).toBeLessThanOrEqual(COMPOSITE_RULE_LIMITS.alarms);
        expect(composite.DependsOn?.length, id).toBeGreaterThan(0);
      }
      // Members do not notify on their own: one email per API incident.
      const notifying = [...resources('AWS::CloudWatch::Alarm'), ...composites].filter(([, a]) => a.Properties.AlarmActions).map(([id]) => id.split('/').at(-1));
      expect(notifying.sort()).toEqual(
        [...apiComposites, caja.stack.monitoring.tableThrottles, caja.stack.monitoring.tableSystemErrors].map((a) => caja.logicalId(a)).sort(),
      );
    });

    it('names every alarm after its stack instance, so two instances in one account never collide', () => {
      const names = [...resources('AWS::CloudWatch::Alarm'), ...resources('AWS::CloudWatch::CompositeAlarm')].map(([, a]) => a.Properties.AlarmName as string | undefined);
      const named = names.filter((n): n is string => typeof n === 'string');
      for (const name of named) expect(name.startsWith(`${caja.stack.stackName}-`), name).toBe(true);
      expect(new Set(named).size).toBe(named.length);
    });

    it('alarms on DynamoDB throttled requests and system errors of the table, to the topic', () => {
      const topic = { Ref: caja.logicalId(caja.stack.monitoring.topic) };
      const table = { Ref: caja.logicalId(caja.stack.table.table) };
      for (const [alarm, metricName] of [[caja.stack.monitoring.tableThrottles, 'ThrottledRequests'], [caja.stack.monitoring.tableSystemErrors, 'SystemErrors']] as const) {
        const props = caja.resourceOf(alarm).Properties;
        expect(props.AlarmActions).toEqual([topic]);
        const metrics = alarmMetrics(props);
        expect(metrics.length).toBeGreaterThan(0);
        for (const metric of metrics) expect(metric).toMatchObject({ namespace: 'AWS/DynamoDB', name: metricName, dims: { TableName: table } });
        const operations = metrics.map((m) => m.dims.Operation);
        expect(operations).toEqual(expect.arrayContaining(['GetItem', 'Query', 'TransactWriteItems']));
      }
    });

    it('sends to one KMS-encrypted, TLS-only topic with the email subscription from the props', () => {
      const topics = resources('AWS::SNS::Topic');
      expect(topics.map(([id]) => id)).toEqual([`${caja.stack.node.path}/${caja.logicalId(caja.stack.monitoring.topic)}`]);
      const topicId = caja.logicalId(caja.stack.monitoring.topic);
      const topic = topics[0]![1];
      expect(topic.Properties.KmsMasterKeyId).toBeDefined();
      caja.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: EMAIL, TopicArn: { Ref: topicId } });
      const key = caja.resource(`${caja.stack.node.path}/${topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0]}`);
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(JSON.stringify(key.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
      const policy = resources('AWS::SNS::TopicPolicy').map(([, p]) => JSON.stringify(p.Properties.PolicyDocument));
      expect(policy.join()).toContain('aws:SecureTransport');
    });
  });

  describe('dashboard', () => {
    it('is one dashboard with, per API, the 5xx rate, p99 latency, errors and throttles, then the table figures', () => {
      const dashboards = resources('AWS::CloudWatch::Dashboard');
      expect(dashboards.length).toBe(1);
      // The body is JSON joined with tokens (ids, region): put a placeholder for each and parse it.
      const parts = dashboards[0]![1].Properties.DashboardBody['Fn::Join'][1] as unknown[];
      const body = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join('')) as { widgets: { properties: { title?: string; metrics?: unknown[][] } }[] };
      const titles = body.widgets.map((w) => w.properties.title);
      for (const api of apisInUse()) {
        for (const title of ['5xx rate by route (%)', 'p99 latency by route (ms)', 'Lambda errors and throttles']) expect(titles).toContain(`${api}: ${title}`);
      }
      expect(titles).toEqual(expect.arrayContaining(['Alarms', 'DynamoDB throttled requests', 'DynamoDB system errors']));
      const metrics = body.widgets.flatMap((w) => w.properties.metrics ?? []);
      const named = (name: string) => metrics.filter((m) => m[1] === name);
      for (const route of routes) {
        for (const name of ['5xx', 'Count', 'Latency']) {
          expect(named(name).some((m) => m.includes(route.path) && m.includes(route.method)), `${routeKey(route)} ${name}`).toBe(true);
        }
      }
      for (const name of ['Errors', 'Throttles']) expect(named(name).length).toBe(routes.length);
      for (const name of ['ThrottledRequests', 'SystemErrors']) expect(named(name).length).toBeGreaterThan(0);
      // Business metrics, from the functions' EMF lines (shared/metrics.ts), all APIs at once.
      const expressions = metrics.flatMap((m) => m.filter((part): part is { expression: string } => typeof part === 'object' && part !== null && 'expression' in part)).map((e) => e.expression);
      for (const [name, dimensions] of [['PaymentsRecorded', 'Api'], ['IdempotentReplays', 'Api'], ['ClientErrors', 'Api,Code'], ['StoreUnavailable', 'Api']]) {
        expect(expressions).toContain(`SEARCH('{Caja,${dimensions}} MetricName="${name}"', 'Sum', 300)`);
      }
    });
  });
}
