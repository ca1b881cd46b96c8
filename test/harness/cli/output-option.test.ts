// An output option's value that cannot be a file name is refused as the command line is read. `mailflow run s.yaml
// --report --json` wrote the report to a file named `--json` and printed text; `--report ""` failed only after the
// whole run, with the trace already renamed into place.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';

const cli = join(repoRoot, 'dist/harness/cli/main.js');
const HELLO = join(repoRoot, 'scenarios/hello.yaml');

/** The CLI run in a fresh directory, where a file it should not make would show. */
function inFreshDir(...args: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'mailflow-option-'));
  return { cwd, ...spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' }) };
}

describe('an output option given no file name', () => {
  it('refuses a value that looks like an option, saying how to name such a file', () => {
    const run = inFreshDir('run', HELLO, '--report', '--json');
    expect(run.stderr).toContain("'--json' looks like an option: give --report a file name (./--json for a file of that name)");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(existsSync(join(run.cwd, '--json'))).toBe(false);
  });

  it('takes a file of such a name written as a path', () => {
    const run = inFreshDir('run', HELLO, '--json', '--report', './--json');
    expect(run.status).toBe(0);
    expect(readdirSync(run.cwd)).toEqual(['--json']);
  });

  it('refuses an empty name before the run: no other output is written', () => {
    const run = inFreshDir('run', HELLO, '--trace', 't.jsonl', '--report', '');
    expect(run.stderr).toContain('the name is empty: give --report a file name');
    expect(run.status).toBe(2);
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it('is refused alike by every command that writes files', () => {
    const plan = join(repoRoot, 'scenarios/plans/big-bang.yaml');
    const router = join(repoRoot, 'scenarios/baseline-router.yaml');
    for (const args of [['plan', plan, '--junit', '-'], ['demo', '--out', '-x.html'], ['router-files', router, '--out', '--at-end'], ['fuzz', 'merge', 'a.json', '--junit', '']]) {
      const run = inFreshDir(...args);
      expect(run.stderr).toMatch(/looks like an option: give --\w+ a (file|directory) name|the name is empty/);
      expect(run.status).toBe(2);
      expect(readdirSync(run.cwd)).toEqual([]);
    }
  });

  it('refuses a path with a line break before any work: a counterexample\'s # Replay: header would be cut in two', () => {
    // This campaign finds its defect in its first run: with a name on one line it writes a counterexample there.
    const run = inFreshDir('fuzz', '--runs', '30', '--seed', '1', '--inject-bug', 'no-dedup', '--out', 'found\nhere', '--no-progress');
    expect(run.stderr).toContain("'found\\nhere' holds a line break: give --out a directory name of printable characters on one line");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it('refuses a line break or another control character alike in every output option', () => {
    const plan = join(repoRoot, 'scenarios/plans/big-bang.yaml');
    const router = join(repoRoot, 'scenarios/baseline-router.yaml');
    for (const args of [['run', HELLO, '--junit', 'j\r.xml'], ['run', HELLO, '--trace', 't.jsonl', '--report', 'r\u001b.html'], ['plan', plan, '--report', 'p\n.html'],
      ['demo', '--out', 'd\n.html'], ['router-files', router, '--out', 'dir\r'], ['migrate', 'x', '--out', 'f\n.yaml'], ['fuzz', 'merge', 'a.json', '--junit', 'm\n.xml']]) {
      const run = inFreshDir(...args);
      expect(run.stderr).toMatch(/holds a (line break|control character): give --[\w-]+ a (file|directory) name of printable characters on one line/);
      expect(run.status).toBe(2);
      expect(readdirSync(run.cwd)).toEqual([]);
    }
  });
});
