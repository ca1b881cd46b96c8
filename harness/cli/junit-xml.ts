// `mailflow run --junit FILE`: the run as JUnit XML, the format CI systems (Jenkins, GitLab, GitHub reporters) read.
// One testsuite per run, one testcase per check and per expectation. A testcase fails exactly when the run's exit
// code counts it against the run: a check whose verdict differs from its expectation (an unexpected `unknown` too,
// with type="unknown", since it makes the exit code 1) and an expectation not met. An exact count skipped under
// --seed is <skipped>. Built from the --json contract (RunJson), so both always tell the same story.
import { XMLBuilder } from 'fast-xml-parser';
import { formatDurationMs } from '../scenario/duration.js';
import { MORE_OFFENDERS_WHERE, type RunJson } from './run-json.js';
import { formatDisabledMailboxes } from './disabled-summary.js';
import { replayCommand } from '../fuzz/shell-quote.js';

/** Offenders written into a failure's body, each with its path; the JSON lists more. */
export const JUNIT_OFFENDER_LIMIT = 10;

// XML 1.0 forbids most control characters even escaped; a message's text could carry one.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlSafe = (_name: string, value: unknown): unknown => (typeof value === 'string' ? value.replace(NOT_XML_CHAR, '\uFFFD') : value);

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
  tagValueProcessor: xmlSafe,
  attributeValueProcessor: xmlSafe,
});

/** The XML of a JUnit document given as fast-xml-parser's object form (`@_` attributes), made XML 1.0-safe. */
export function buildJunitXml(document: object): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...document });
}

type Check = RunJson['checks'][number];
type Expectation = RunJson['expectations'][number];

/**
 * `command`: what runs it again, in a failure's body (default `mailflow run FILE --seed N`, the path quoted for a shell;
 * a demo lane and the wire commands say their own, wire-reproduce.ts).
 */
export function toJunitXml(run: RunJson, command = `${replayCommand(run.file)} --seed ${run.seed}`): string {
  const reproduce = `reproduce: ${command}`;
  const testcases = [...run.checks.map((c) => checkCase(run, c, reproduce)), ...run.expectations.map((e) => expectationCase(run, e, reproduce))];
  const failures = run.checks.filter((c) => c.verdict !== c.expected).length + run.expectations.filter((e) => e.verdict === 'fail').length;
  const skipped = run.expectations.filter((e) => e.verdict === 'skipped').length;
  const totals = { '@_tests': testcases.length, '@_failures': failures, '@_errors': 0, '@_skipped': skipped, '@_time': seconds(run.wallMs) };
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'mailflow',
      ...totals,
      testsuite: {
        '@_name': run.scenario,
        ...totals,
        '@_file': run.file,
        properties: { property: properties(run).map(([name, value]) => ({ '@_name': name, '@_value': value })) },
        testcase: testcases,
      },
    },
  });
}

function properties(run: RunJson): Array<[string, string | number]> {
  const out: Array<[string, string | number]> = [
    ['file', run.file], ['mode', run.mode], ['seed', run.seed], ['verdict', run.verdict],
    ['traceHash', run.traceHash ?? 'none'], ['events', run.events], ['simulatedMs', run.simulatedMs],
  ];
  for (const [name, value] of Object.entries(run.counts)) {
    if (typeof value === 'number') out.push([`counts.${name}`, value]);
    else for (const [key, n] of Object.entries(value as Record<string, number>)) out.push([`counts.${name}.${key}`, n]);
  }
  return out;
}

function checkCase(run: RunJson, check: Check, reproduce: string): object {
  const base = { '@_name': check.name, '@_classname': `${run.scenario}.checks`, '@_time': 0 };
  const headline = `${check.verdict}${check.expected === 'pass' ? '' : ` (expected ${check.expected})`}: ${check.summary}`;
  if (check.verdict === check.expected) {
    const more = check.offenderCount === 0 ? '' : `\n${check.offenderCount.toLocaleString('en-US')} offenders (mailflow run ${MORE_OFFENDERS_WHERE})`;
    return { ...base, 'system-out': headline + more };
  }
  return {
    ...base,
    failure: {
      // The message is what a CI page shows first: it says the check's verdict against the expected one, since a
      // known-bad scenario's check failing by passing would otherwise read like good news.
      '@_message': `${check.verdict}, expected ${check.expected}: ${check.summary}`,
      '@_type': check.verdict,
      '#text': [`${check.verdict}, expected ${check.expected}`, ...causeLines(run, check), ...offenderLines(check), reproduce].join('\n'),
    },
  };
}

function expectationCase(run: RunJson, e: Expectation, reproduce: string): object {
  const base = { '@_name': e.name, '@_classname': `${run.scenario}.expectations`, '@_time': 0 };
  const text = `${e.name} ${e.expected}, actual ${e.actual}${e.note === undefined ? '' : ` (${e.note})`}`;
  if (e.verdict === 'skipped') return { ...base, skipped: { '@_message': text } };
  if (e.verdict === 'pass') return { ...base, 'system-out': text };
  return { ...base, failure: { '@_message': text, '@_type': 'fail', '#text': `${text}\n${reproduce}` } };
}

/** Untracked mail's usual cause after an outage, which no offender's path names: the mailboxes sync disabled. */
function causeLines(run: RunJson, check: Check): string[] {
  return check.name === 'no-untracked-mail' ? formatDisabledMailboxes(run).map((line) => line.trimStart()) : [];
}

function offenderLines(check: Check): string[] {
  const lines: string[] = [];
  for (const offender of check.offenders.slice(0, JUNIT_OFFENDER_LIMIT)) {
    lines.push(`${offender.messageId}: ${offender.detail}`);
    for (const step of offender.path) lines.push(`  ${formatDurationMs(step.atMs).padStart(12)}  ${step.step} ${step.detail}`);
  }
  const shown = Math.min(check.offenders.length, JUNIT_OFFENDER_LIMIT);
  if (check.offenderCount > shown) lines.push(`... and ${(check.offenderCount - shown).toLocaleString('en-US')} more (mailflow run ${MORE_OFFENDERS_WHERE})`);
  return lines;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
