/** API Gateway's route selection for the local gateway: the most specific template wins, segment by segment. */
import { routes } from '../../../functions/routes.js';
import type { Route } from '../../../shared/http/route.js';

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

export function parseTemplate(path: string): Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const greedy = /^\{(.+)\+\}$/.exec(part);
      if (greedy) return { kind: 'greedy', name: greedy[1]! };
      const param = /^\{(.+)\}$/.exec(part);
      return param ? { kind: 'param', name: param[1]! } : { kind: 'literal', value: part };
    });
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Per-segment specificity: a literal (2) beats a parameter (1) beats a greedy parameter (0), left to right. */
export function matchTemplate(template: Segment[], segments: string[]): { params: Record<string, string>; score: number[] } | undefined {
  const params: Record<string, string> = {};
  const score: number[] = [];
  for (let i = 0; i < template.length; i++) {
    const part = template[i]!;
    if (part.kind === 'greedy') {
      const rest = segments.slice(i);
      if (rest.length === 0 || rest.some((s) => s === '')) return undefined;
      const value = decodeSegment(rest.join('/'));
      if (value === undefined) return undefined;
      params[part.name] = value;
      score.push(0);
      return { params, score };
    }
    const raw = segments[i];
    if (raw === undefined || raw === '') return undefined;
    const value = decodeSegment(raw);
    if (value === undefined) return undefined;
    if (part.kind === 'literal') {
      if (value !== part.value) return undefined;
      score.push(2);
    } else {
      params[part.name] = value;
      score.push(1);
    }
  }
  return segments.length === template.length ? { params, score } : undefined;
}

const templates = new WeakMap<Route, Segment[]>();

/** The route API Gateway would pick for this method and raw path (percent-encoded), if any. */
export function matchRoute(method: string, rawPath: string, table: readonly Route[] = routes): RouteMatch | undefined {
  if (!rawPath.startsWith('/')) return undefined;
  const segments = rawPath.split('/').slice(1);
  let best: { route: Route; params: Record<string, string>; score: number[] } | undefined;
  for (const route of table) {
    if (route.method !== method.toUpperCase()) continue;
    let template = templates.get(route);
    if (!template) templates.set(route, (template = parseTemplate(route.path)));
    const matched = matchTemplate(template, segments);
    if (!matched) continue;
    if (!best || compareScores(matched.score, best.score) > 0) best = { route, ...matched };
  }
  return best && { route: best.route, pathParameters: best.params };
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? -1) - (b[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}
