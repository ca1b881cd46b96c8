// What the E-mail Router wrote to its event log reaches the summary and --json, grouped: a service that did not start
// on a corrupt state file (KB954522) and the errors its cycles ended in (R8-R10). The incident review found the cause
// of 438 waiting messages only in --trace.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mailflow } from '../../helpers/cli.js';
import { formatRouterErrors } from '../../../harness/cli/router-errors-summary.js';

const dir = mkdtempSync(join(tmpdir(), 'router-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The run's --json and the router-error notes of its trace, from one run. */
function runWithTrace(file: string): { json: { routerErrors: Array<{ instance: string; mailbox: string | null; why: string; count: number; firstAtMs: number; lastAtMs: number }> | null }; notes: Array<{ timeMs: number; detail: string }> } {
  const trace = join(dir, `${file.replace(/\W/g, '-')}.jsonl`);
  const result = mailflow('run', file, '--json', '--trace', trace);
  const notes = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('"router-error"')).map((line) => JSON.parse(line) as { timeMs: number; detail: string });
  return { json: JSON.parse(result.stdout), notes };
}

describe('the router\'s event log in the run summary', () => {
  it('groups every router-error note of the trace, with its count and first and last instants', () => {
    const { json, notes } = runWithTrace('scenarios/exchange-outage.yaml');
    expect(notes.length).toBeGreaterThan(1);
    const groups = json.routerErrors!;
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(notes.length);
    for (const g of groups) {
      const mine = notes.filter((n) => n.detail === (g.mailbox === null ? g.why : `${g.mailbox}: ${g.why}`));
      expect(mine.length).toBe(g.count);
      expect([mine[0]!.timeMs, mine.at(-1)!.timeMs]).toEqual([g.firstAtMs, g.lastAtMs]);
    }
  });

  it('says a service that did not start on a corrupt state file, and its cause, in the summary (KB954522)', () => {
    const result = mailflow('run', 'scenarios/router-state-corrupt.yaml', '--no-progress');
    expect(result.stdout).toContain('  the E-mail Router logged 1 error (its event log; --trace has each as router-error):\n'
      + '    router: service did not start: SystemState.xml is corrupt (delete it, then start the service), at 3h 5m\n');
  });

  it('is null without a router and absent from a summary with nothing logged', () => {
    const result = mailflow('run', 'scenarios/baseline-sss.yaml', '--json');
    expect(JSON.parse(result.stdout).routerErrors).toBeNull();
    expect(formatRouterErrors({ routerErrors: [] })).toEqual([]);
  });

  it('shows five groups and says how many more', () => {
    const groups = Array.from({ length: 7 }, (_, i) => ({ instance: 'router', mailbox: `u${i}@contoso.example`, why: 'cannot read', count: 2, firstAtMs: 60_000, lastAtMs: 120_000 }));
    const lines = formatRouterErrors({ routerErrors: groups });
    expect(lines[0]).toBe('  the E-mail Router logged 14 errors (its event log; --trace has each as router-error):');
    expect(lines[1]).toBe('    router: u0@contoso.example: cannot read, 2 times from 1m to 2m');
    expect(lines.at(-1)).toBe('    ... and 2 more (--json lists every one as routerErrors)');
    expect(lines).toHaveLength(7);
  });
});
