/**
 * A small HTTP proxy between the SDK and DynamoDB (Local) that injects store faults: it forwards,
 * delays, drops the connection, never answers, or answers as a throttled or failing DynamoDB
 * would. The mode can change between requests; `requests` counts what reached the proxy.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'blackhole' }
  | { kind: 'throttle' }
  | { kind: 'error500' };

export interface FaultProxy {
  endpoint: string;
  /** Requests received since start (or the last `reset`), by what the proxy did with them. */
  requests: Record<FaultMode['kind'], number>;
  /** Every request received: its DynamoDB operation and when it arrived (ms epoch). */
  log: { operation: string; at: number }[];
  /**
   * The fault for the next requests. With `after` (an operation such as `TransactWriteItems`),
   * requests pass until one of that operation has been forwarded; the fault applies after it.
   */
  set(mode: FaultMode, options?: { after?: string }): void;
  stop(): Promise<void>;
}

/** DynamoDB's JSON error bodies (awsJson1_0), so the SDK raises its own exception types. */
const ERROR_ANSWERS = {
  throttle: {
    status: 400,
    type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
    message: 'Rate of requests exceeds the allowed throughput.',
  },
  error500: { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' },
} as const;

function answerError(res: ServerResponse, kind: keyof typeof ERROR_ANSWERS): void {
  const { status, type, message } = ERROR_ANSWERS[kind];
  const body = JSON.stringify({ __type: type, message });
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function pass(upstream: URL, req: IncomingMessage, res: ServerResponse): void {
  const out = forward(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', () => res.socket?.destroy());
  req.pipe(out);
}

export async function startFaultProxy(upstreamEndpoint: string): Promise<FaultProxy> {
  const upstream = new URL(upstreamEndpoint);
  let mode: FaultMode = { kind: 'pass' };
  let armAfter: string | undefined;
  const requests: FaultProxy['requests'] = { pass: 0, delay: 0, drop: 0, blackhole: 0, throttle: 0, error500: 0 };
  const log: FaultProxy['log'] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    log.push({ operation, at: Date.now() });
    const current: FaultMode = armAfter === undefined ? mode : { kind: 'pass' };
    if (armAfter !== undefined && operation === armAfter) armAfter = undefined;
    requests[current.kind]++;
    switch (current.kind) {
      case 'pass':
        return pass(upstream, req, res);
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          pass(upstream, req, res);
        }, current.ms);
        timers.add(timer);
        return;
      }
      case 'drop':
        return void req.socket.destroy();
      case 'blackhole':
        return; // read, never answered: the SDK's request timeout or our deadline must end it
      case 'throttle':
      case 'error500':
        req.resume();
        return req.on('end', () => answerError(res, current.kind));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    log,
    set(next, options = {}) {
      mode = next;
      armAfter = options.after;
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
