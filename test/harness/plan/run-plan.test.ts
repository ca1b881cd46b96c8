// A plan's run: per-batch figures add up to the totals, filed mail of late batches is what a slow schedule loses
// (S6), failed Test & Enable disables mailboxes (S4), and the grade and recommendations follow from the figures.
import { describe, expect, it } from 'vitest';
import { runPlan } from '../../../harness/plan/run-plan.js';
import { gradeOf, meetsGrade } from '../../../harness/plan/grade.js';
import { recommendationsFor } from '../../../harness/plan/recommendations.js';
import { formatComparison, formatPlan } from '../../../harness/plan/format-plan.js';
import { whatIfLine } from '../../../harness/plan/what-if.js';
import { smallPlan } from './plan-fixtures.js';
import { compilePlan } from '../../../harness/plan/compile-plan.js';
import { formatDurationMs } from '../../../harness/scenario/duration.js';

describe('runPlan', () => {
  it('tracks everything and grades Perfect when nobody files and every Test & Enable works', () => {
    const result = runPlan(smallPlan());
    expect(result.counts).toMatchObject({ untracked: 0, duplicates: 0, lost: 0 });
    expect(result.counts.trackedByRouter).toBeGreaterThan(0);
    expect(result.counts.trackedBySss).toBeGreaterThan(0);
    expect(result.grade).toBe('Perfect');
    const perBatch = result.batchTimeline.reduce((n, b) => n + b.trackedByRouter + b.trackedBySss, 0);
    expect(perBatch).toBe(result.counts.trackedByRouter + result.counts.trackedBySss);
    expect(result.durationMs).toBe((result.batches - 1) * 4 * 3_600_000);
  });

  it('loses filed mail in the batches that wait, and says which; a faster schedule loses less (S6, R14)', () => {
    const slow = runPlan(smallPlan({ fileProbability: 0.5, batchInterval: '6h' }));
    const fast = runPlan(smallPlan({ fileProbability: 0.5, batchInterval: '30m' }));
    const filed = (r: typeof slow) => r.counts.untrackedByReason['not-in-root-inbox'] ?? 0;
    expect(filed(slow)).toBeGreaterThan(filed(fast));
    const [first, ...later] = slow.batchTimeline;
    // The first batch is enabled at the switch: nothing waited. Later ones waited, and lose filed mail.
    expect(first?.untracked).toBe(0);
    expect(later.reduce((n, b) => n + b.untracked, 0)).toBe(slow.counts.untracked);
    expect(slow.grade).not.toBe('Perfect');
    expect(slow.recommendations[0]).toMatch(new RegExp(`^${filed(slow)} messages? (was|were) filed .* batch \\d+ \\(\\d+, enabled`));
  });

  it('users on the forward mailbox lose far less of what they file: the forward mailbox is enabled first (S14)', () => {
    const forward = runPlan(smallPlan({ access: 'forward-mailbox', fileProbability: 0.5, batchInterval: '6h' }));
    const direct = runPlan(smallPlan({ access: 'email-router', fileProbability: 0.5, batchInterval: '6h' }));
    // What they still lose is mail filed within minutes, before a 5-minute cycle (S5, S6), once their rule is gone.
    expect(forward.counts.untracked * 3).toBeLessThan(direct.counts.untracked);
  });

  it('counts failed Test & Enable per batch and the mail it leaves untracked (S4); a retry limits it', () => {
    const never = runPlan(smallPlan({ users: 20, failureRate: 0.3 }));
    const failed = never.batchTimeline.reduce((n, b) => n + b.failedTestAndEnable, 0);
    expect(failed).toBeGreaterThan(0);
    expect(never.counts.untrackedByReason['mailbox-disabled'] ?? 0).toBeGreaterThan(0);
    expect(never.recommendations.some((r) => r.includes(`${failed} mailbox${failed === 1 ? '' : 'es'} failed Test & Enable`))).toBe(true);
    const retried = runPlan(smallPlan({ users: 20, failureRate: 0.3, retryAfter: '1h' }));
    expect(retried.counts.untracked).toBeLessThan(never.counts.untracked);
    expect(retried.recommendations.find((r) => r.includes('failed Test & Enable'))).toContain('they are retried 1h after their batch and enabled then');
    // A retry that meets an outage leaves them disabled, and the advice says so (not "retrying sooner loses less",
    // which the outage's own mailbox-disabled mail used to trigger).
    const base = smallPlan({ users: 20, failureRate: 0.3, retryAfter: '1h' });
    const compiled = compilePlan(base);
    const retryAt = (compiled.batches.find((b) => b.mailboxes.some((m) => compiled.failing.has(m)))?.atMs ?? 0) + 3_600_000;
    const outage = runPlan({ ...base, faults: [{ at: retryAt - 10 * 60_000, verb: 'down', target: 'ex-hq' }, { at: retryAt + 100 * 60_000, verb: 'up', target: 'ex-hq' }] });
    const line = outage.recommendations.find((r) => r.includes('failed Test & Enable')) ?? '';
    expect(line).toMatch(/yet \d+ (is|are) still disabled at the end \(the retry met a fault\)/);
    expect(line).not.toContain('retrying sooner loses less');
  });

  it('names mail back in the Inbox behind the watermark, with S6\'s fixes', () => {
    const plan = smallPlan();
    const { counts, batchTimeline } = runPlan(plan);
    const lines = recommendationsFor({ plan, counts: { ...counts, untrackedByReason: { 'behind-watermark': 3 } }, batches: batchTimeline, durationMs: 3_600_000, halvedDurationMs: null });
    expect(lines.find((l) => l.startsWith('3 messages came back to the Inbox behind'))).toMatch(/Test & Enable .*\(S3\)/);
  });

  it('gives the halved interval\'s finish as --what-if finds it, a Test & Enable retry included (not half the duration)', () => {
    const result = runPlan(smallPlan({ users: 20, fileProbability: 0.5, batchInterval: '6h', failureRate: 0.3, retryAfter: '1d' }), undefined, { whatIf: true });
    const advised = /would finish in (.+?) instead of (.+?),/.exec(result.recommendations.find((r) => r.includes('shorter batch interval')) ?? '');
    const found = /What if a batch interval of .*finishing in (.+?) instead of (.+?)\.$/.exec(result.recommendations.find((r) => r.startsWith('What if a batch interval')) ?? '');
    expect(advised?.slice(1)).toEqual(found?.slice(1));
    // The retry a day after the last failing batch does not shrink with the interval.
    expect(advised?.[1]).not.toBe(formatDurationMs(Math.round(result.durationMs / 2)));
    // And the summary says where the duration's last day comes from.
    expect(formatPlan(result, 'small.yaml', undefined)).toContain('(switch to last mailbox enabled, a Test & Enable retry last)');
    expect(formatPlan(runPlan(smallPlan()), 'small.yaml', undefined)).toContain('(switch to last mailbox enabled),');
  });

  it('says later batches lose more only when they do', () => {
    const plan = smallPlan({ batchInterval: '6h' });
    const { counts, batchTimeline } = runPlan(plan);
    const filedCounts = { ...counts, untrackedByReason: { 'not-in-root-inbox': 12 } };
    const withFiled = (perBatch: number[]) => batchTimeline.map((b, i) => ({ ...b, untrackedByReason: { 'not-in-root-inbox': perBatch[i] ?? 0 } }));
    const advice = (perBatch: number[]) => recommendationsFor({ plan, counts: filedCounts, batches: withFiled(perBatch), durationMs: 18 * 3_600_000, halvedDurationMs: 9 * 3_600_000 })[0];
    const growing = advice([0, 1, 2, 9]);
    const shrinking = advice([9, 2, 1, 0]);
    expect(batchTimeline).toHaveLength(4);
    expect(growing).toContain('Later batches lose more: a shorter batch interval (3h instead of 6h) would finish in 9h instead of 18h');
    expect(shrinking).not.toContain('Later batches lose more');
    expect(shrinking).toContain('A shorter batch interval (3h instead of 6h) would finish in 9h instead of 18h');
  });
});

describe('a batch interval of a minute', () => {
  it('is not halved below the shortest step a scenario takes, by --what-if or by the advice', () => {
    const plan = smallPlan({ fileProbability: 0.5, batchInterval: '1m' });
    const result = runPlan(plan, plan.seed, { whatIf: true });
    expect(result.recommendations.some((r) => r.startsWith('What if a batch interval'))).toBe(false);
    expect(result.recommendations.some((r) => r.startsWith('What if Process Email From a week earlier'))).toBe(true);
    expect(result.recommendations.join(' ')).not.toContain('30s');
    // Nothing wrong: the advice does not offer the shorter interval it would refuse.
    const calm = runPlan(smallPlan({ batchInterval: '1m' }));
    expect(calm.recommendations[0]).toContain('a larger batch size would finish sooner');
    expect(calm.recommendations[0]).not.toContain('shorter interval');
    // Two minutes still halve, to one.
    const two = runPlan(smallPlan({ fileProbability: 0.5, batchInterval: '2m' }), plan.seed, { whatIf: true });
    expect(two.recommendations.some((r) => r.startsWith('What if a batch interval of 1m instead of 2m'))).toBe(true);
  });
});

describe('whatIfLine', () => {
  it('groups thousands, as the plan\'s other figures are', () => {
    const counts = (untracked: number) => ({ tracked: 0, trackedByRouter: 0, trackedBySss: 0, untracked, untrackedByReason: {}, duplicates: 1_000, duplicatesPrevented: 0, lost: 0 });
    expect(whatIfLine('a batch interval of 30m instead of 1h', { counts: counts(42_263), durationMs: 3_600_000 }, { counts: counts(68_329), durationMs: 1_800_000 }))
      .toBe('What if a batch interval of 30m instead of 1h: it would have left 26,066 more untracked (68,329 untracked, 1,000 duplicates), finishing in 30m instead of 1h.');
  });
});

describe('grades', () => {
  it('follow the documented thresholds', () => {
    expect(gradeOf({ lost: 0, tracked: 10_000, untracked: 0, duplicates: 0 })).toBe('Perfect');
    expect(gradeOf({ lost: 0, tracked: 10_000, untracked: 10, duplicates: 0 })).toBe('Good');
    expect(gradeOf({ lost: 0, tracked: 10_000, untracked: 11, duplicates: 0 })).toBe('Investigate');
    expect(gradeOf({ lost: 0, tracked: 10_000, untracked: 0, duplicates: 1 })).toBe('Investigate');
    expect(gradeOf({ lost: 0, tracked: 10_000, untracked: 200, duplicates: 0 })).toBe('Poor');
    expect(gradeOf({ lost: 1, tracked: 10_000, untracked: 0, duplicates: 0 })).toBe('Poor');
    expect(meetsGrade('Perfect', 'Good')).toBe(true);
    expect(meetsGrade('Investigate', 'Good')).toBe(false);
  });
});

describe('a plan with faults', () => {
  it('runs them: Exchange down while a batch is tested fails its Test & Enable and disables those mailboxes (S4)', () => {
    const calm = runPlan(smallPlan());
    const plan = smallPlan();
    const outage = runPlan({ ...plan, faults: [
      { at: 2 * 3_600_000 + 4 * 3_600_000 - 60_000, verb: 'down', target: 'ex-hq' },
      { at: 2 * 3_600_000 + 4 * 3_600_000 + 30 * 60_000, verb: 'up', target: 'ex-hq' },
    ] });
    expect(calm.counts.untracked).toBe(0);
    expect(outage.counts.untrackedByReason['mailbox-disabled'] ?? 0).toBeGreaterThan(0);
    expect(outage.batchTimeline[1]?.untracked).toBeGreaterThan(0);
    // The batch tested during the outage shows no drawn failure, but its mailboxes disabled at the end; the advice
    // names the fault, not the drawn failures.
    expect(outage.batchTimeline[1]).toMatchObject({ failedTestAndEnable: 0, disabledAtEnd: 4 });
    expect(calm.batchTimeline.every((b) => b.disabledAtEnd === 0)).toBe(true);
    expect(outage.recommendations.find((r) => r.includes('mailbox was disabled')))
      .toMatch(/A fault the plan adds disabled 4 mailboxes at Test & Enable \(ex-hq unavailable, 4h after the switch\): nothing enables them again/);
  });

  it('tells mailboxes a fault disabled from the drawn Test & Enable failures, which have their own line (S4)', () => {
    const drawn = runPlan(smallPlan({ users: 20, failureRate: 0.3 }));
    expect(drawn.recommendations.find((r) => r.includes('mailbox was disabled'))).toMatch(/: the mail of the failed Test & Enable above\.$/);
    const failed = drawn.batchTimeline.reduce((n, b) => n + b.failedTestAndEnable, 0);
    expect(drawn.batchTimeline.reduce((n, b) => n + b.disabledAtEnd, 0)).toBe(failed);
  });

  it('does not advise a shorter interval that its own --what-if run shows to leave more untracked', () => {
    // Exchange is down from 4h to 6h: halved, batches at 2h and 4h are enabled into it and disabled (S4).
    const plan = smallPlan({ fileProbability: 0.3 });
    const faulty = { ...plan, faults: [{ at: 4 * 3_600_000, verb: 'down', target: 'ex-hq' }, { at: 6 * 3_600_000, verb: 'up', target: 'ex-hq' }] };
    const result = runPlan(faulty, plan.seed, { whatIf: true });
    expect(result.recommendations.find((r) => r.startsWith('What if a batch interval'))).toMatch(/would have left [\d,]+ more untracked/);
    expect(result.recommendations[0]).toContain('A shorter batch interval is no remedy here: --what-if\'s run of it leaves more untracked (below), as the plan\'s faults reach more mailboxes enabled early.');
    expect(result.recommendations[0]).not.toContain('would finish in');
    // Without --what-if nothing was run to tell: the lever stays advised, with the caution that faults can turn it.
    expect(runPlan(faulty).recommendations[0]).toContain('would finish in');
    expect(runPlan(faulty).recommendations[0]).toContain('With faults in the plan a faster schedule can lose more (more mailboxes enabled into them): --what-if runs it.');
    expect(runPlan(smallPlan({ fileProbability: 0.3 })).recommendations[0]).not.toContain('With faults in the plan');
    // And --what-if tries the remedy for what the faults disabled: a Test & Enable of those mailboxes after the last.
    const retest = result.recommendations.find((r) => r.startsWith('What if the disabled mailboxes tested again 10m after the plan\'s last fault'));
    const saved = Number(/would have saved ([\d,]+) of/.exec(retest ?? '')?.[1]?.replaceAll(',', '') ?? 0);
    expect(saved).toBeGreaterThan(0);
    expect(runPlan(plan, plan.seed, { whatIf: true }).recommendations.some((r) => r.includes('tested again'))).toBe(false);
    // Nor when the retest would fall after the plan's traffic ends (batches at 2h .. 14h, settle 4h: 18h): it would
    // lengthen the run and compare other mail.
    const late = { ...plan, faults: [{ at: 17 * 3_600_000 + 55 * 60_000, verb: 'down', target: 'ex-hq' }] };
    expect(runPlan(late, plan.seed, { whatIf: true }).recommendations.some((r) => r.includes('tested again'))).toBe(false);
  });
});

describe('--what-if', () => {
  it('runs the plan with each lever moved and says what it would save, with the figures of that run', () => {
    const plan = smallPlan({ fileProbability: 0.5, batchInterval: '6h' });
    const result = runPlan(plan, plan.seed, { whatIf: true });
    const half = runPlan({ ...plan, cutover: { ...plan.cutover, batchInterval: 3 * 3_600_000 } });
    const line = result.recommendations.find((r) => r.startsWith('What if a batch interval of 3h instead of 6h'));
    expect(line).toContain(`would have saved ${(result.counts.untracked - half.counts.untracked).toLocaleString('en-US')} of the ${result.counts.untracked.toLocaleString('en-US')} untracked messages`);
    expect(line).toContain(`(${half.counts.untracked} untracked`);
    // Process Email From does not move the schedule: the line says so instead of 'in 18h instead of 18h'.
    expect(result.recommendations.find((r) => r.startsWith('What if Process Email From a week earlier'))).toMatch(/, finishing as planned, in 18h\.$/);
    // The plan's own figures are those of the plan, not of a variant.
    expect(result.counts).toEqual(runPlan(plan).counts);
  });

  it('runs a plan whose fault comes after the halved schedule would end: the advice and the variant do not refuse it', () => {
    // Batches at 2h, 6h, 10h and 14h, settle 4h: the run ends at 18h. Halved, the last batch is at 8h, the end 12h.
    const plan = smallPlan({ fileProbability: 0.5 });
    const late = { ...plan, faults: [{ at: 16 * 3_600_000, verb: 'down', target: 'crm' }, { at: 16.5 * 3_600_000, verb: 'up', target: 'crm' }] };
    const result = runPlan(late, late.seed, { whatIf: true });
    expect(result.durationMs).toBe(12 * 3_600_000);
    expect(result.recommendations.find((r) => r.includes('shorter batch interval'))).toContain('would finish in 6h instead of 12h');
    expect(result.recommendations.find((r) => r.startsWith('What if a batch interval of 2h'))).toMatch(/finishing in 6h instead of 12h\.$/);
    // The variant on the plan's own schedule (Process Email From earlier) runs exactly as long as the plan: a fault
    // inside the settle time does not lengthen it, so their untracked mail compares.
    const pefVariant = { ...late, cutover: { ...late.cutover, processEmailFrom: { before: 86_400_000 + 7 * 86_400_000 } } };
    expect(compilePlan(pefVariant, late.seed, 'late.yaml', 'extend').scenario.horizon).toBe(compilePlan(late, late.seed, 'late.yaml').scenario.horizon);
  });

  it('offers no batch interval to a plan of one batch: there is no interval to halve', () => {
    const oneBatch = smallPlan({ batchSize: 100 });
    const result = runPlan(oneBatch, oneBatch.seed, { whatIf: true });
    expect(result.batches).toBe(1);
    expect(result.recommendations.filter((r) => r.startsWith('What if'))).toEqual([expect.stringMatching(/^What if Process Email From a week earlier/)]);
  });
});

describe('duplicates per batch', () => {
  it('counts the copies CRM answered Duplicate where both the forward mailbox and the Inbox are read (rules kept, S8)', () => {
    const result = runPlan(smallPlan({ access: 'forward-mailbox', forwardRules: 'keep' }));
    const prevented = result.batchTimeline.reduce((n, b) => n + b.duplicatesPrevented, 0);
    expect(prevented).toBeGreaterThan(0);
    expect(prevented).toBeLessThanOrEqual(result.counts.duplicatesPrevented);
    expect(result.batchTimeline.reduce((n, b) => n + b.duplicates, 0)).toBe(result.counts.duplicates);
  });
});

describe('a comparison', () => {
  it('says which plan missed the grade its file expects, beside the grades', () => {
    const perfect = runPlan(smallPlan());
    const filing = runPlan(smallPlan({ fileProbability: 0.5, batchInterval: '6h' }));
    const text = formatComparison([
      { result: perfect, file: 'a.yaml', expected: 'Good' },
      { result: { ...filing, plan: 'filing' }, file: 'b.yaml', expected: 'Perfect' },
    ]);
    const row = text.split('\n').find((l) => l.startsWith('expected'));
    expect(row).toMatch(/^expected\s+>= Good, met\s+>= Perfect, MISSED$/);
    const share = (100 * filing.counts.untracked / (filing.counts.tracked + filing.counts.untracked)).toFixed(2);
    expect(text.split('\n').find((l) => l.startsWith('  share of eligible'))).toMatch(new RegExp(`^  share of eligible\\s+0\\.00 %\\s+${share.replace('.', '\\.')} %$`));
    expect(formatComparison([{ result: perfect, file: 'a.yaml', expected: undefined }])).not.toMatch(/^expected/m);
  });
});
