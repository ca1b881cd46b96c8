// A plan's users and queues are capped in all, by the schema, before any mailbox address is made: 300 sites of
// 110,000 made `validate` crash with 'Map maximum size exceeded' (exit 3), and 100 of them ran `plan` out of memory
// after four minutes.
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../harness/plan/load-plan.js';
import { MAX_PLAN_POPULATION, planSchema } from '../../../harness/plan/plan-schema.js';
import { InputError, formatProblem } from '../../../harness/scenario/input-error.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailflow } from '../../helpers/cli.js';

const OVER = 'over the 100,000 a plan may have (scenarios/plans/naive-24h.yaml has 5,000): plan fewer sites or smaller ones';

const plan = (sites: string) => `kind: plan
name: big
seed: 3
start: 2026-01-05T00:00:00Z
sites:
${sites}
traffic: { perMailboxPerDay: 24 }
cutover: { switchAt: 2h }
`;

const manySites = (n: number) => Array.from({ length: n }, (_, i) => `  - { name: s${i}x, users: 100000, queues: 10000 }`).join('\n');

function refused(text: string): string[] {
  try {
    parsePlanText(text, 'big.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('the plan population cap', () => {
  it('refuses 300 sites of 110,000 at once, at the field that takes the total past the cap', () => {
    const started = performance.now();
    expect(refused(plan(manySites(300)))).toEqual([`big.yaml:6:41: sites[0].queues: the sites' users and queues come to 33,000,000, ${OVER}`]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('takes the cap itself, and says one more at the site whose users or queues it is', () => {
    const sites = (users: number, queues: number) => ({ sites: [{ name: 'hq', users: 60_000, queues: 0 }, { name: 'east', users, queues }] });
    const issues = (s: { sites: unknown[] }) => planSchema.shape.sites.safeParse(s.sites).error?.issues.map((i) => [i.path, i.message]) ?? [];
    expect(issues(sites(39_999, 1))).toEqual([]);
    expect(MAX_PLAN_POPULATION).toBe(60_000 + 39_999 + 1);
    expect(issues(sites(40_000, 1))).toEqual([[[1, 'queues'], `the sites' users and queues come to 100,001, ${OVER}`]]);
    expect(issues(sites(40_001, 0))).toEqual([[[1, 'users'], `the sites' users and queues come to 100,001, ${OVER}`]]);
  });

  it('is exit 2 from validate and plan, with nothing run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-plan-cap-')), 'big.yaml');
    writeFileSync(file, plan(manySites(100)));
    for (const command of ['validate', 'plan']) {
      const run = mailflow(command, file);
      expect([command, run.status, run.stdout]).toEqual([command, 2, '']);
      expect(run.stderr).toBe(`${file}:6:41: sites[0].queues: the sites' users and queues come to 11,000,000, ${OVER}\n`);
    }
  });
});
