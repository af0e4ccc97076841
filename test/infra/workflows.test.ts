/**
 * The CI workflows (issue 14 item 8), read as YAML: pull requests test, synthesize and diff through a
 * read-only role with no deploy; main tests once per Node version, synthesizes once, and deploys that
 * artefact to staging, then to production behind a GitHub environment, one deploy at a time per
 * environment. Every third-party action is pinned by a full commit SHA with its tag in a comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../lib/constructs/caja-function.js';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string | { name: string };
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> }

const WORKFLOWS = join(PROJECT_ROOT, '.github', 'workflows');
const read = (name: string) => readFileSync(join(WORKFLOWS, name), 'utf8');
const load = (name: string) => parse(read(name)) as Workflow;
const needs = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
const usesOf = (job: Job, action: string) => job.steps.filter((s) => s.uses?.startsWith(`${action}@`));
const environmentOf = (job: Job) => (typeof job.environment === 'string' ? job.environment : job.environment?.name);

describe('every workflow', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('is the pull-request one or the main one', () => {
    expect(files.sort()).toEqual(['main.yml', 'pull-request.yml']);
  });

  it('pins every action by a 40-hex commit SHA and names its tag in a comment', () => {
    for (const file of files) {
      const lines = read(file).split('\n').filter((l) => /^\s*(-\s*)?uses:/.test(l));
      expect(lines.length, file).toBeGreaterThan(0);
      for (const line of lines) expect(line, file).toMatch(/uses:\s*[\w.-]+\/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$/);
    }
  });

  it('pins the same action to the same commit everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of files) {
      for (const [, action, sha] of read(file).matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@([0-9a-f]{40})/g)) {
        pins.set(action!, (pins.get(action!) ?? new Set()).add(sha!));
      }
    }
    for (const [action, shas] of pins) expect(shas.size, action).toBe(1);
  });

  it('reads the repository only, workflow-wide; an OIDC token only in the jobs that talk to AWS', () => {
    for (const file of files) {
      const workflow = load(file);
      expect(workflow.permissions, file).toEqual({ 'contents': 'read' });
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const usesAws = usesOf(job, 'aws-actions/configure-aws-credentials').length > 0;
        expect(job.permissions?.['id-token'] === 'write', `${file} ${name}`).toBe(usesAws);
      }
    }
  });
});

describe('pull requests', () => {
  const workflow = load('pull-request.yml');

  it('runs on pull requests only and never deploys', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    for (const [name, job] of Object.entries(workflow.jobs)) expect(runs(job), name).not.toMatch(/cdk\s+deploy/);
  });

  it('installs and tests on Node 20 and 22, and synthesizes', () => {
    const test = workflow.jobs.test!;
    expect(test.strategy?.matrix.node).toEqual([20, 22]);
    expect(runs(test)).toMatch(/npm ci/);
    expect(runs(test)).toMatch(/npm test/);
    expect(runs(workflow.jobs.synth!)).toMatch(/cdk synth/);
  });

  it('diffs the synthesized assembly against the deployed stack into the job summary, read-only, skipping forks', () => {
    const diff = workflow.jobs.diff!;
    expect(needs(diff)).toContain('synth');
    expect(diff.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(diff.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    expect(usesOf(diff, 'aws-actions/configure-aws-credentials')[0]?.with?.['role-to-assume']).toContain('AWS_DIFF_ROLE_ARN');
    expect(usesOf(diff, 'actions/download-artifact')).toHaveLength(1);
    expect(runs(diff)).toMatch(/cdk diff --app cdk\.out --method template/);
    expect(runs(diff)).toContain('GITHUB_STEP_SUMMARY');
    expect(runs(diff)).not.toMatch(/cdk synth/);
  });
});

describe('main', () => {
  const workflow = load('main.yml');
  const { test, build } = workflow.jobs;
  const staging = workflow.jobs['deploy-staging']!;
  const production = workflow.jobs['deploy-production']!;

  it('runs on pushes to main only', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] } });
  });

  it('tests once per Node version (20 and 22) and synthesizes once, keeping cdk.out as the artefact', () => {
    expect(test!.strategy?.matrix.node).toEqual([20, 22]);
    expect(runs(test!)).toMatch(/npm test/);
    expect(runs(build!)).toMatch(/cdk synth .*-c stackNames=CajaStaging,Caja/);
    const upload = usesOf(build!, 'actions/upload-artifact');
    expect(upload.map((s) => s.with)).toEqual([expect.objectContaining({ name: 'cdk-out', path: 'cdk.out' })]);
    const synths = Object.entries(workflow.jobs).filter(([, job]) => /cdk synth/.test(runs(job))).map(([name]) => name);
    expect(synths).toEqual(['build']);
  });

  it('deploys that artefact to staging after the tests, then to production behind its environment', () => {
    expect(needs(staging).sort()).toEqual(['build', 'test']);
    expect(needs(production)).toEqual(['deploy-staging']);
    expect(environmentOf(staging)).toBe('staging');
    expect(environmentOf(production)).toBe('production');
    for (const [job, stack] of [[staging, 'CajaStaging'], [production, 'Caja']] as const) {
      expect(usesOf(job, 'actions/download-artifact').map((s) => s.with)).toEqual([expect.objectContaining({ name: 'cdk-out', path: 'cdk.out' })]);
      expect(runs(job)).toMatch(new RegExp(`cdk deploy --app cdk\\.out ${stack} `));
      expect(runs(job)).not.toMatch(/cdk synth/);
      expect(job.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    }
  });

  it('runs one deploy at a time per environment, never cancelling one under way', () => {
    for (const job of [staging, production]) {
      expect(job.concurrency?.group).toBe(`deploy-${environmentOf(job)}`);
      expect(job.concurrency?.['cancel-in-progress']).toBe(false);
    }
  });
});
