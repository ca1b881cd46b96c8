// `mailflow run --junit`: runs the built CLI on real scenarios and reads the XML back as a CI system would.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { mailflow } from '../../helpers/cli.js';
import { toJunitXml } from '../../../harness/cli/junit-xml.js';
import { toRunJson } from '../../../harness/cli/run-json.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { loadScenario } from '../../../harness/scenario/load-scenario.js';

const tmp = mkdtempSync(join(tmpdir(), 'mailflow-junit-'));
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => ['testcase', 'property', 'testsuite'].includes(name),
});

interface Testcase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; '#text': string };
  skipped?: { message: string };
  'system-out'?: string;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  properties: { property: Array<{ name: string; value: string }> };
  testcase: Testcase[];
}

function runJunit(file: string, ...args: string[]): { status: number | null; json: Record<string, unknown>; suite: Suite; root: Record<string, string> } {
  const out = join(mkdtempSync(join(tmp, 'run-')), 'report.xml');
  const result = mailflow('run', file, '--json', '--junit', out, ...args);
  const xml = readFileSync(out, 'utf8');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const doc = parser.parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } };
  expect(doc.testsuites.testsuite).toHaveLength(1);
  const suite = doc.testsuites.testsuite[0] as Suite;
  return { status: result.status, json: JSON.parse(result.stdout) as Record<string, unknown>, suite, root: doc.testsuites };
}

const property = (suite: Suite, name: string) => suite.properties.property.find((p) => p.name === name)?.value;

describe('mailflow run --junit', () => {
  it('writes one testsuite per run, one testcase per check and expectation, and the run as properties', () => {
    const { status, json, suite, root } = runJunit('scenarios/hello.yaml');
    expect(status).toBe(0);
    const checks = json.checks as Array<{ name: string }>;
    const expectations = json.expectations as Array<{ name: string }>;
    expect(suite.name).toBe('hello');
    expect(suite.testcase.map((t) => t.name)).toEqual([...checks.map((c) => c.name), ...expectations.map((e) => e.name)]);
    expect(suite.testcase.filter((t) => t.classname === 'hello.checks')).toHaveLength(checks.length);
    expect(suite.testcase.filter((t) => t.classname === 'hello.expectations')).toHaveLength(expectations.length);
    expect(suite.testcase.some((t) => t.failure !== undefined || t.skipped !== undefined)).toBe(false);
    expect([suite.tests, suite.failures, suite.skipped]).toEqual([String(checks.length + expectations.length), '0', '0']);
    expect([root.tests, root.failures]).toEqual([suite.tests, '0']);
    expect(property(suite, 'seed')).toBe('42');
    expect(property(suite, 'traceHash')).toBe(json.traceHash);
    expect(property(suite, 'counts.sent')).toBe(String((json.counts as { sent: number }).sent));
    expect(property(suite, 'events')).toBe(String(json.events));
  });

  it('counts a check that fails as expected (a known-bad setup) as passed', () => {
    const { status, suite } = runJunit('scenarios/two-active-routers.yaml');
    expect(status).toBe(0);
    const duplicates = suite.testcase.find((t) => t.name === 'no-duplicate-activity');
    expect(duplicates?.failure).toBeUndefined();
    expect(duplicates?.['system-out']).toMatch(/^fail \(expected fail\): /);
    expect(suite.failures).toBe('0');
  });

  it('fails a check and an expectation that are not met, with the summary, the first offenders and their paths', () => {
    // The two-active-routers setup judged as if it were meant to be sound: no duplicates expected.
    const shipped = readFileSync('scenarios/two-active-routers.yaml', 'utf8');
    const file = join(tmp, 'two-routers-unexpected.yaml');
    writeFileSync(file, `${shipped.slice(0, shipped.indexOf('\nexpect:'))}\nexpect:\n  counts: { lost: 0, duplicates: 0 }\n`);
    const { status, json, suite } = runJunit(file);
    expect(status).toBe(1);
    const check = (json.checks as Array<{ name: string; summary: string; offenders: Array<{ messageId: string }> }>)
      .find((c) => c.name === 'no-duplicate-activity');
    const failed = suite.testcase.find((t) => t.name === 'no-duplicate-activity')?.failure;
    expect(failed).toMatchObject({ message: `fail, expected pass: ${check?.summary}`, type: 'fail' });
    const body = failed?.['#text'] ?? '';
    expect(body).toContain(check?.offenders[0]?.messageId);
    expect(body).toMatch(/activity-created/); // the path each offender took
    expect(body).toContain(`reproduce: mailflow run ${file} --seed`);
    const count = suite.testcase.find((t) => t.name === 'counts.duplicates')?.failure;
    expect(count?.message).toMatch(/^counts\.duplicates == 0, actual [1-9]\d*$/);
    expect(suite.testcase.find((t) => t.name === 'counts.lost')?.failure).toBeUndefined();
    expect(suite.failures).toBe('2');
  });

  it('fails an unexpected unknown (exit code 1) with type="unknown", and skips exact counts under --seed', () => {
    const file = join(tmp, 'stuck.yaml');
    writeFileSync(file, `kind: scenario
name: stuck
seed: 5
start: 2026-01-05T08:00:00Z
horizon: 1h
drain: 10m
toy: { messages: 5, meanInterval: 1m }
faults:
  - { at: 0s, verb: crash, target: consumer }
expect:
  counts: { sent: 5 }
`);
    const { status, json, suite } = runJunit(file, '--seed', '9');
    expect(status).toBe(1);
    const checks = json.checks as Array<{ name: string; verdict: string; expected: string }>;
    expect(checks.some((c) => c.verdict === 'unknown' && c.expected === 'pass')).toBe(true); // mail still in flight
    for (const check of checks) {
      const failure = suite.testcase.find((t) => t.name === check.name)?.failure;
      expect(failure?.type).toBe(check.verdict === check.expected ? undefined : check.verdict);
    }
    expect(suite.testcase.find((t) => t.name === 'counts.sent')?.skipped?.message).toMatch(/own seed/);
    expect(suite.skipped).toBe('1');
    expect(property(suite, 'seed')).toBe('9');
  });

  it('exits 2 before running when the report cannot be written, leaving nothing behind', () => {
    const missing = mailflow('run', 'scenarios/hello.yaml', '--junit', join(tmp, 'no', 'such', 'dir', 'out.xml'));
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/cannot write the JUnit report/);

    const dir = join(tmp, 'a-directory');
    mkdirSync(dir);
    const onDir = mailflow('run', 'scenarios/hello.yaml', '--junit', dir);
    expect(onDir.status).toBe(2);
    expect(onDir.stderr).toMatch(/cannot write the JUnit report: .*is a directory/);

    // The trace opened first is discarded too: nothing half-written is left under either name.
    const traceDir = mkdtempSync(join(tmp, 'trace-'));
    const both = mailflow('run', 'scenarios/hello.yaml', '--trace', join(traceDir, 'trace.jsonl'), '--junit', dir);
    expect(both.status).toBe(2);
    expect(readdirSync(traceDir)).toEqual([]);
  });

  it('says in a failure\'s message when a check failed by passing (a known-bad scenario that showed nothing wrong)', async () => {
    const run = toRunJson(runScenario(await loadScenario('scenarios/hello.yaml')), 'hello.yaml', 5);
    const first = run.checks[0];
    if (first === undefined) throw new Error('hello has no checks');
    run.checks[0] = { ...first, expected: 'fail' };
    const doc = parser.parse(toJunitXml(run)) as { testsuites: { testsuite: Suite[] } };
    expect((doc.testsuites.testsuite[0] as Suite).testcase[0]?.failure).toMatchObject({ message: `pass, expected fail: ${first.summary}`, type: 'pass' });
  });

  it('escapes markup and replaces characters XML 1.0 cannot hold, so the file always parses', async () => {
    const run = toRunJson(runScenario(await loadScenario('scenarios/hello.yaml')), 'a <weird> & "file".yaml', 5);
    const first = run.checks[0];
    if (first === undefined) throw new Error('hello has no checks');
    run.checks[0] = { ...first, verdict: 'fail', summary: 'bell \u0007 and <b>&amp;</b>' };
    const doc = parser.parse(toJunitXml(run)) as { testsuites: { testsuite: Suite[] } };
    const suite = doc.testsuites.testsuite[0] as Suite;
    expect(suite.testcase[0]?.failure?.message).toBe('fail, expected pass: bell \uFFFD and <b>&amp;</b>');
    expect(property(suite, 'file')).toBe('a <weird> & "file".yaml');
  });
});
