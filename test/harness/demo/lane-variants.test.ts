// A lesson's lanes: the file as the router lane, demo.sss replacing sections; problems in a fragment are reported
// at the fragment's own line and field path, and a scenario without a demo block is refused with a pointer.
import { mkdtempSync, writeFileSync } from 'node:fs';
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
    const problems = await problemsOf(`kind: scenario
name: bad-lane
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: paul@contoso.example, database: db1 }]
crm:
  users: [{ address: paul@contoso.example, incoming: none }]
demo:
  sss:
    crm:
      users:
        - { address: paul@contoso.example, incoming: sideways }
`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 17, path: 'demo.sss.crm.users[0].incoming' });
  });

  it('places a problem in a lane\'s own fault after the shared ones', async () => {
    const problems = await problemsOf(`kind: scenario
name: bad-lane-fault
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: paul@contoso.example, database: db1 }]
faults:
  - { at: 10m, verb: down, target: ex1 }
demo:
  sss:
    faults:
      - { at: 20m, verb: explode, target: ex1 }
`);
    expect(problems.map((p) => [p.line, p.path])).toEqual([[16, 'demo.sss.faults[0].verb']]);
  });

  it('refuses a scenario without a demo block, naming a lesson to try', async () => {
    const problems = await problemsOf(`kind: scenario
name: no-demo
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: paul@contoso.example, database: db1 }]
`);
    expect(problems[0]?.path).toBe('demo');
    expect(problems[0]?.message).toMatch(/lesson-1-forward-mailbox/);
  });
});
