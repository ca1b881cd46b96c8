// The vitest matchers: they pass on a clean run, and a failure names the checker's finding and shows the offending
// message's path, so a failing property in someone's suite explains itself.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { mailflowMatchers } from '../../../harness/testing/vitest-matchers.js';

expect.extend(mailflowMatchers);

function run(name: string, extra = '') {
  const text = readFileSync(fileURLToPath(new URL(`../../../scenarios/${name}.yaml`, import.meta.url)), 'utf8');
  return runScenario(parseScenarioText(`${text}\n${extra}`, `${name}.yaml`));
}

describe('mailflow matchers', () => {
  it('pass on a run that loses, duplicates and leaves untracked nothing', () => {
    const outcome = run('baseline-router');
    expect(outcome).toHaveNoLostMail();
    expect(outcome).toHaveNoDuplicates();
    expect(outcome).toHaveNoUntrackedMail();
  });

  it('fail with the checker\'s summary and the offending message\'s path', () => {
    const duplicated = run('baseline-router', 'injectBug: no-dedup');
    expect(() => expect(duplicated).toHaveNoDuplicates()).toThrow(/no-duplicate-activity says fail: \d+ duplicate activities[\s\S]*<[^>]+>: [\s\S]*activity-created/);
    expect(duplicated).toHaveNoLostMail();
    const lost = run('exchange-restore-without-logs');
    expect(() => expect(lost).toHaveNoLostMail()).toThrow(/no-lost-mail says fail: \d+ accepted copies lost\n  <[^>]+>: accepted for \S+, no copy left\n[\s\S]*removed \S+: rolled-back/);
    expect(lost).toHaveNoDuplicates();
  });

  it('say what they expected when given something other than a run, negated too, and what they got', () => {
    expect(() => expect({ checks: [] }).toHaveNoLostMail()).toThrow(/outcome of runScenario\(\) \(with a no-lost-mail check\), got an object with keys checks$/);
    expect(() => expect({}).not.toHaveNoLostMail()).toThrow(/outcome of runScenario.*got an empty object/);
    // judgeCase's result holds the run in `outcome`: the error says so.
    expect(() => expect({ failed: false, problems: [], outcome: run('baseline-router') }).toHaveNoLostMail()).toThrow(/pass its \.outcome/);
  });

  it('hold a declared loss against the run all the same: "no untracked mail" means none', () => {
    const cutover = run('cutover-router-to-sss');
    expect(cutover.verdict).toBe('pass'); // its untracked mail is declared
    expect(() => expect(cutover).toHaveNoUntrackedMail()).toThrow(/no-untracked-mail says fail: \d+ eligible messages never tracked/);
    expect(cutover).not.toHaveNoUntrackedMail();
  });

  it('refuse to judge a run that cannot tell (mail still in flight), either way', () => {
    const outcome = run('baseline-router');
    const unknown = { ...outcome, checks: outcome.checks.map((c) => (c.name === 'no-lost-mail' ? { ...c, verdict: 'unknown' as const, summary: '3 accepted messages are still in flight' } : c)) };
    expect(() => expect(unknown).toHaveNoLostMail()).toThrow(/cannot tell .* still in flight/);
    expect(() => expect(unknown).not.toHaveNoLostMail()).toThrow(/cannot tell/);
  });

  it('work negated, and say so the right way round when that fails', () => {
    expect(run('baseline-router', 'injectBug: no-dedup')).not.toHaveNoDuplicates();
    expect(() => expect(run('baseline-router')).not.toHaveNoLostMail()).toThrow(/^expected baseline-router to have lost mail, but no-lost-mail passed: /);
  });
});
