// `mailflow fuzz --junit FILE` (and `fuzz merge --junit FILE`): a campaign as JUnit XML for CI systems. One testsuite,
// one testcase: failed exactly when a run failed (exit 1), its message the count, its body what the smallest failing
// run fails, its first offending message's path and the counterexample to replay.
import { buildJunitXml } from './junit-xml.js';
import type { FuzzResult } from '../fuzz/fuzz-result.js';
import { replayCommand } from '../fuzz/shell-quote.js';

export function toFuzzJunitXml(result: FuzzResult): string {
  const name = `seed ${result.seed}, shard ${result.shard}${result.injectBug === null ? '' : `, injected defect ${result.injectBug}`}`;
  const failed = result.failures > 0;
  const totals = { '@_tests': 1, '@_failures': failed ? 1 : 0, '@_errors': 0, '@_skipped': 0, '@_time': (result.wallMs / 1000).toFixed(3) };
  const base = { '@_name': name, '@_classname': 'mailflow.fuzz', '@_time': (result.wallMs / 1000).toFixed(3) };
  const runs = `${result.runs} run${result.runs === 1 ? '' : 's'}`;
  const testcase = !failed ? { ...base, 'system-out': `${runs}, none failed` } : {
    ...base,
    failure: {
      '@_message': `${result.failures} of ${runs} failed; the smallest, run ${result.failingRun}, fails ${result.problems.length} check${result.problems.length === 1 ? '' : 's'}`,
      '@_type': 'fail',
      '#text': [
        ...result.problems, ...result.firstOffender,
        result.counterexample === null ? '' : `replay: ${replayCommand(result.counterexample)}`,
      ].filter((line) => line !== '').join('\n'),
    },
  };
  return buildJunitXml({
    testsuites: {
      '@_name': 'mailflow fuzz', ...totals,
      testsuite: {
        '@_name': 'mailflow fuzz', ...totals,
        properties: {
          property: [['seed', result.seed], ['runs', result.runs], ['failures', result.failures], ['shard', result.shard], ['injectBug', result.injectBug ?? 'none']]
            .map(([n, v]) => ({ '@_name': n, '@_value': v })),
        },
        testcase,
      },
    },
  });
}
