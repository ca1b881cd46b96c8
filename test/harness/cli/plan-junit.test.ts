// `mailflow plan --junit FILE`: one testsuite per plan, its grade a testcase that fails exactly when the plan grades
// below its file's expect.grade (exit 1); the XML parses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { mailflow } from '../../helpers/cli.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'property' });

describe('mailflow plan --junit', () => {
  it('fails the grade testcase of the plan that misses its expected grade, and only that one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-plan-junit-'));
    const strict = join(dir, 'strict.yaml');
    // People who file half their mail within minutes, before their mailbox's first cycle: not Perfect (S6).
    writeFileSync(strict, readFileSync('scenarios/plans/big-bang.yaml', 'utf8').replace('name: big-bang', 'name: strict')
      .replace('file: { probability: 0.1, meanDelay: 3d }', 'file: { probability: 0.5, meanDelay: 2m }').replace(/grade: \w+/, 'grade: Perfect'));
    const junit = join(dir, 'plans.xml');
    const run = mailflow('plan', 'scenarios/plans/big-bang.yaml', '--compare', strict, '--junit', junit, '--json', '--no-progress');
    const json = JSON.parse(run.stdout) as Array<{ plan: string; grade: string; met: boolean }>;
    expect(json.map((p) => p.met)).toEqual([true, false]);
    expect(run.status).toBe(1);
    // Well-formed for strict readers (expat, Jenkins), not only for a lenient parser.
    expect(XMLValidator.validate(readFileSync(junit, 'utf8'))).toBe(true);
    expect(readFileSync(junit, 'utf8')).toContain(`reproduce: mailflow plan ${strict} --seed `);
    const doc = parser.parse(readFileSync(junit, 'utf8')) as { testsuites: { failures: string; testsuite: Array<{ name: string; testcase: { failure?: { message: string } } }> } };
    const [bigBang, strictSuite] = doc.testsuites.testsuite;
    expect(bigBang?.name).toBe('big-bang');
    expect(bigBang?.testcase.failure).toBeUndefined();
    expect(strictSuite?.name).toBe('strict');
    expect(strictSuite?.testcase.failure?.message).toBe(`${json[1]?.grade} (expected at least Perfect)`);
    expect(Number(doc.testsuites.failures)).toBe(1);
  }, 120_000);
});
