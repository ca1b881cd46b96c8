// A lesson's lanes: the file as the router lane, demo.sss replacing sections; problems in a fragment are reported
// at the fragment's own line and field path, and a scenario without a demo block is refused with a pointer.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../../harness/demo/lane-variants.js';
import { InputError } from '../../../harness/scenario/input-error.js';
import { repoRoot } from '../../helpers/cli.js';

const lesson1 = join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml');
const dir = mkdtempSync(join(tmpdir(), 'mailflow-lanes-'));

async function problemsOf(text: string): Promise<InputError['problems']> {
  const file = join(dir, `bad-${Math.abs(hash(text))}.yaml`);
  writeFileSync(file, text);
  try {
    await loadLesson(file);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** A scenario's opening with a one-mailbox Exchange, for the cases below to add to. */
function world(name: string): string {
  return `kind: scenario
name: ${name}
seed: 1
randomStreams: per-actor
start: 2026-01-05T08:00:00Z
horizon: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: paul@contoso.example, database: db1 }]
`;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h, 31) + text.charCodeAt(i);
  return h;
}

describe('loadLesson', () => {
  it('builds the router lane from the file and the sync lane from demo.sss', async () => {
    const lesson = await loadLesson(lesson1);
    expect(lesson.lanes.router.name).toBe('lesson-1-forward-mailbox-router');
    expect(lesson.lanes.sss.name).toBe('lesson-1-forward-mailbox-sss');
    expect(lesson.lanes.router.router).toBeDefined();
    expect(lesson.lanes.router.sss).toBeUndefined();
    // demo.sss: router: null removes the router; its own faults come after the shared ones (none here).
    expect(lesson.lanes.sss.router).toBeUndefined();
    expect(lesson.lanes.sss.sss).toBeDefined();
    expect(lesson.lanes.sss.faults.map((f) => f.verb)).toEqual(['switchToServerSideSync']);
    expect(lesson.lanes.sss.exchange?.mailboxes.map((m) => m.address)).not.toContain('crm@contoso.example');
    // Same traffic, people and seed in both lanes.
    expect(lesson.lanes.sss.traffic).toEqual(lesson.lanes.router.traffic);
    expect(lesson.lanes.sss.users).toEqual(lesson.lanes.router.users);
    expect(lesson.lanes.sss.seed).toBe(lesson.scenario.seed);
  });

  it('places a problem in a lane fragment at its line, with the path under demo', async () => {
    const problems = await problemsOf(`${world('bad-lane')}crm:
  users: [{ address: paul@contoso.example, incoming: none }]
demo:
  sss:
    crm:
      users:
        - { address: paul@contoso.example, incoming: sideways }
`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 18, path: 'demo.sss.crm.users[0].incoming' });
  });

  it('places a problem in a lane\'s own fault after the shared ones', async () => {
    const problems = await problemsOf(`${world('bad-lane-fault')}faults:
  - { at: 10m, verb: down, target: ex1 }
demo:
  sss:
    faults:
      - { at: 20m, verb: explode, target: ex1 }
`);
    expect(problems.map((p) => [p.line, p.path])).toEqual([[17, 'demo.sss.faults[0].verb']]);
  });

  it('refuses a lesson whose lanes would draw different traffic (no randomStreams: per-actor)', async () => {
    const text = readFileSync(lesson1, 'utf8').replace(/^randomStreams: per-actor\n/m, '');
    const problems = await problemsOf(text);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['randomStreams: a lesson needs randomStreams: per-actor, so that both lanes see the same traffic and the same people (docs/demo.md)']);
  });

  it('refuses a sync lane in which server-side sync never takes over (R14), at demo.sss', async () => {
    const text = readFileSync(lesson1, 'utf8').replace(/^ {4}faults:\n {6}- \{ at: 0s, verb: switchToServerSideSync, target: crm \}\n/m, '');
    expect(text).not.toContain('switchToServerSideSync');
    const problems = await problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('demo.sss');
    expect(problems[0]?.line).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/^server-side sync never takes over in the sss lane: add \{ at: 0s, verb: switchToServerSideSync, target: crm \} to demo\.sss\.faults \(R14\)/);
  });

  it('says a misspelt switchToServerSideSync as the wrong verb it is, at its line, not as a lane sync never takes over', async () => {
    const text = readFileSync(lesson1, 'utf8').replace(/verb: switchToServerSideSync, target: crm/, 'verb: switchToServerSideSynch, target: crm');
    const problems = await problemsOf(text);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(["demo.sss.faults[0].verb: 'switchToServerSideSynch' is not a choice here (did you mean 'switchToServerSideSync'?)"]);
  });

  it('says a problem at a section the lane keeps from the file is the lane\'s, and how to replace it', async () => {
    const text = readFileSync(lesson1, 'utf8').replace(/^ {4}router: null\n/m, '');
    const problems = await problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.path.startsWith('router')).toBe(true);
      expect(p.message).toMatch(/\(in the sss lane, which keeps this from the file; demo\.sss\.router can replace it for this lane, or remove it with null\)$/);
    }
  });

  it('refuses a scenario without a demo block, naming a lesson to try', async () => {
    const problems = await problemsOf(`${world('no-demo')}`);
    expect(problems[0]?.path).toBe('demo');
    expect(problems[0]?.message).toMatch(/lesson-1-forward-mailbox/);
  });
});
