// The vitest matchers: they pass on a clean run, and a failure names the checker's finding and shows the offending
// message's path, so a failing property in someone's suite explains itself.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { mailflowMatchers } from '../../../harness/testing/vitest-matchers.js';
import { CHECK_NAMES } from '../../../sim/check/all-checks.js';

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
    // Each of these is a type error too (the next test): untyped callers and `any` still get a clear message.
    // @ts-expect-error not a run
    expect(() => expect({ checks: [] }).toHaveNoLostMail()).toThrow(/outcome of runScenario\(\) \(with a no-lost-mail check\), got an object with keys checks$/);
    // @ts-expect-error not a run
    expect(() => expect({}).not.toHaveNoLostMail()).toThrow(/outcome of runScenario.*got an empty object/);
    // judgeCase's result holds the run in `outcome`: the error says so.
    // @ts-expect-error judgeCase's result, not its outcome
    expect(() => expect({ failed: false, problems: [], outcome: run('baseline-router') }).toHaveNoLostMail()).toThrow(/pass its \.outcome/);
    // runScenarioOnWire and a serve session's stop() give promises: awaited or with .resolves, not as they are.
    const promised = Promise.resolve(run('baseline-router'));
    expect(() => expect(promised).toHaveNoDuplicates()).toThrow(/got a promise \(await it, or use expect\(\.\.\.\)\.resolves\)/);
    // @ts-expect-error not a run
    expect(() => expect(42).toPass()).toThrow(/outcome of runScenario\(\) \(with a verdict\), got 42/);
  });

  it('type-check on runs only: a run, a promise of one under .resolves, `any`; not a number or judgeCase\'s result', async () => {
    // `npx tsc --noEmit` checks this test's @ts-expect-error lines: each must be an error, or tsc fails.
    const outcome = run('baseline-router');
    expect(outcome).toHaveNoLostMail();
    expect(outcome).toPass();
    await expect(Promise.resolve(outcome)).resolves.toHaveNoDuplicates();
    expect(outcome as any).toHaveNoUntrackedMail();
    // @ts-expect-error a number is not a run
    expect(() => expect(42).toHaveNoLostMail()).toThrow(TypeError);
    // @ts-expect-error a run held as unknown must be narrowed first
    expect(() => expect(outcome as unknown).toPass()).not.toThrow();
    // @ts-expect-error matchers take no argument
    expect(() => expect(outcome).toHaveNoLostMail(1)).not.toThrow();
  });

  it('count CRM email delivered twice as duplicates, as the run\'s duplicates count does, and say which checker found it', () => {
    // outbound-ack-lost: no duplicate activity, but 12 extra deliveries of CRM email (its file expects both).
    const outbound = run('outbound-ack-lost');
    expect(outbound.counts.duplicates).toBe(12);
    expect(() => expect(outbound).toHaveNoDuplicates()).toThrow(
      /^expected outbound-ack-lost to have no duplicates \(no duplicate activity, no CRM email delivered twice\); outbound-exactly-once says fail: 12 extra deliveries over 3 CRM emails.*\n  <crm-[^>]+>: Sent after \d+ attempts, delivered \d+ times to /,
    );
    expect(outbound).not.toHaveNoDuplicates();
    // Each half on its own, under its own name.
    expect(outbound).toHaveNoDuplicateActivities();
    expect(() => expect(outbound).toDeliverOutboundExactlyOnce()).toThrow(/to have each CRM email delivered once; outbound-exactly-once says fail: 12 extra deliveries/);
    // Both halves at once: each said, the second after "and".
    const activities = run('baseline-router', 'injectBug: no-dedup').checks.find((c) => c.name === 'no-duplicate-activity');
    expect(activities?.verdict).toBe('fail');
    const both = { ...outbound, checks: outbound.checks.map((c) => (c.name === 'no-duplicate-activity' && activities !== undefined ? activities : c)) };
    expect(() => expect(both).toHaveNoDuplicates()).toThrow(/; no-duplicate-activity says fail: [^\n]*\n  <[\s\S]*\nand outbound-exactly-once says fail: 12 extra deliveries[^\n]*\n  <crm-/);
  });

  it('do not count a Sent CRM email that reached nobody as a duplicate: it was lost, which toDeliverOutboundExactlyOnce says', () => {
    const outcome = run('outbound-ack-lost');
    // A CRM email of the run delivered once, said by outbound-exactly-once to have reached nobody (as when lost).
    const once = [...outcome.ledger.messages()].find((life) => life.outbound !== null && [...life.deliveries.values()].every((n) => n === 1));
    if (once === undefined) throw new Error('outbound-ack-lost has no CRM email delivered once');
    const lostOnTheWay = { messageId: once.messageId, detail: 'Sent after 1 attempts, delivered to nobody', path: [] };
    const unsent = {
      ...outcome,
      checks: outcome.checks.map((c) => (c.name === 'outbound-exactly-once' ? { ...c, verdict: 'fail' as const, summary: '1 Sent but never delivered over 1 CRM email', offenders: [lostOnTheWay] } : c)),
    };
    expect(unsent).toHaveNoDuplicates();
    expect(() => expect(unsent).not.toHaveNoDuplicates()).toThrow(/but no-duplicate-activity passed: .*; and outbound-exactly-once: none of its findings is a CRM email delivered twice \(1 Sent but never delivered/);
    expect(() => expect(unsent).toDeliverOutboundExactlyOnce()).toThrow(/delivered to nobody/);
  });

  it('toPass: the run\'s verdict, listing each check and expectation not met, with a check\'s first offender', () => {
    // A known-bad scenario passes when it shows what it expects.
    expect(run('outbound-ack-lost')).toPass();
    expect(run('two-active-routers')).toPass();
    const failing = run('baseline-router', 'injectBug: no-dedup');
    expect(failing.verdict).toBe('fail');
    expect(failing).not.toPass();
    const message = (() => {
      try {
        expect(failing).toPass();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('toPass() passed a failing run');
    })();
    expect(message).toMatch(/^expected baseline-router to pass; its verdict is fail:\n  no-duplicate-activity: fail, expected pass: \d+ duplicate activities[^\n]*\n    <[^>]+>: activities /);
    expect(message).toMatch(/\n  counts\.duplicates: expected == 0, actual \d+/);
    expect(() => expect(run('baseline-router')).not.toPass()).toThrow(new RegExp(String.raw`^expected baseline-router not to pass, but its verdict is pass: every check \(${CHECK_NAMES.length}\) and expectation \(\d+\) met$`));
    // An undecided run is neither: thrown either way, as the check matchers do.
    const undecided = { ...failing, verdict: 'unknown' as const };
    expect(() => expect(undecided).toPass()).toThrow(/cannot tell: its verdict is unknown/);
    expect(() => expect(undecided).not.toPass()).toThrow(/cannot tell/);
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
