/**
 * Business metrics as CloudWatch embedded metric format (EMF): one JSON line on stdout per figure,
 * which CloudWatch Logs turns into a metric in the `Caja` namespace. No Powertools Metrics (about
 * 33 KB more per bundle, and a flush per invocation): the lines go straight to stdout, as the
 * function's JSON logs do, where the runtime does not rewrap them. Each Lambda function serves one
 * route, so the pipeline sets the `Api` dimension once per function (setMetricApi). Emitted on
 * Lambda only (AWS_LAMBDA_FUNCTION_NAME), or with CAJA_METRICS=1; never locally by default.
 */
export const METRICS_NAMESPACE = 'Caja';

/** payments recorded, idempotent replays, 4xx by reason code, 503s (store unavailable). */
export type MetricName = 'PaymentsRecorded' | 'IdempotentReplays' | 'ClientErrors' | 'StoreUnavailable';

let api = 'unknown';

export function setMetricApi(name: string): void {
  api = name;
}

const enabled = () => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) || process.env.CAJA_METRICS === '1';

/** Counts `value` of `name` under the function's API and the `extra` dimensions (e.g. `{ Code }`). */
export function countMetric(name: MetricName, value = 1, extra: Readonly<Record<string, string>> = {}): void {
  if (!enabled()) return;
  const dimensions = { Api: api, ...extra };
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [Object.keys(dimensions)], Metrics: [{ Name: name, Unit: 'Count' }] }],
    },
    ...dimensions,
    [name]: value,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
