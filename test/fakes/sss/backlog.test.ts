// A cycle that finds a long backlog (sync down for most of a day while a list mails everyone) tosses thousands of
// items in a row. Each toss used to call the next item's check from inside the last one's, so the stack grew with
// the backlog: a few thousand items in one mailbox crashed the run (the adversarial review's RangeError). S5, S9.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { repoRoot } from '../../helpers/cli.js';

describe('a sync cycle over a long backlog', () => {
  it('tosses thirty thousand items in a row in one mailbox without growing the stack', () => {
    const baseline = readFileSync(`${repoRoot}/scenarios/baseline-sss.yaml`, 'utf8');
    const newsLine = /- \{ name: news, sender: lists, ratePerHour: 3, to: all-users, until: 8h \}/;
    expect(baseline).toMatch(newsLine);
    const text = baseline
      .replace(newsLine, '- { name: news, sender: lists, ratePerHour: 5000, to: all-users, until: 8h }')
      .replace(/\nexpect:[\s\S]*$/, '\n')
      .replace(/\nfaults:\n/, '\nfaults:\n  - { at: 1h, verb: crash, target: sss }\n  - { at: 8h, verb: restart, target: sss }\n');
    expect(text).toContain('verb: restart, target: sss');
    const run = runScenario(parseScenarioText(text, 'backlog.yaml'));
    expect(run.counts.lost).toBe(0);
    // The first cycle of each mailbox after the restart tosses seven hours of newsletters (S9: from no known sender).
    expect(run.counts.tossed).toBeGreaterThan(30_000);
    expect(run.counts.pending).toBe(0);
  });
});
