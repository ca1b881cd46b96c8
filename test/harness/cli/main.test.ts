import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mailflow, repoRoot } from '../../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'mailflow-cli-'));

function scenarioFile(name: string, body: string): string {
  const file = join(tmp, name);
  writeFileSync(file, body);
  return file;
}

const HELLO = 'scenarios/hello.yaml';

describe('mailflow CLI', () => {
  it('prints its version and help', () => {
    const version = mailflow('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const help = mailflow('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/run \[options\] <file>/);
    expect(help.stdout).toMatch(/validate <files...>/);
  });

  it('runs the README\'s main job exactly as written, and prints what the README shows', () => {
    const readme = readFileSync('README.md', 'utf8');
    const command = /^npm install && npx mailflow (run scenarios\/\S+\.yaml)/m.exec(readme)?.[1];
    expect(command).toBeDefined();
    const run = mailflow(...(command ?? '').split(' '));
    expect(run.status).toBe(0);
    // The excerpt's first line and counts line are the run's own (the excerpt is shortened, not invented).
    const excerpt = /The main job [\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = excerpt.split('\n');
    expect(run.stdout.split('\n')[0]).toBe(lines[0]);
    expect(run.stdout).toContain(lines.find((l) => l.startsWith('  counts:')) ?? 'no counts line in the README');
  });

  it('says where the offenders a summary leaves out are, and they are there: the first 20 in --json, all in --report', () => {
    const text = mailflow('run', 'scenarios/two-active-routers.yaml');
    const more = /^ {11}\.\.\. and (\d+) more \(--json lists 20 of them, --report up to 2,000\)$/m.exec(text.stdout);
    expect(more).not.toBeNull();
    const json = JSON.parse(mailflow('run', 'scenarios/two-active-routers.yaml', '--json').stdout) as { checks: Array<{ name: string; offenderCount: number; offenders: unknown[] }> };
    const duplicates = json.checks.find((c) => c.name === 'no-duplicate-activity');
    expect(duplicates?.offenderCount).toBe(Number(more?.[1]) + 3);
    expect(duplicates?.offenders).toHaveLength(20);
    const report = join(tmp, 'offenders.html');
    mailflow('run', 'scenarios/two-active-routers.yaml', '--report', report);
    expect(readFileSync(report, 'utf8').match(/named by no-duplicate-activity/g)).toHaveLength(duplicates?.offenderCount ?? -1);
  });

  it('runs the shipped hello scenario: exit 0 and a readable summary', () => {
    const run = mailflow('run', HELLO);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^hello \(scenarios\/hello\.yaml\), seed 42, virtual: PASS/);
    expect(run.stdout).toMatch(/no-lost-mail: pass/);
  });

  it('prints exactly one JSON object with the contract fields on stdout with --json', () => {
    const run = mailflow('run', HELLO, '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual([
      'scenario', 'file', 'mode', 'seed', 'verdict', 'counts', 'act', 'disabledMailboxes', 'reenabledMailboxes', 'cutoverBatches', 'routerErrors', 'checks', 'expectations', 'traceHash', 'events', 'simulatedMs', 'wallMs',
    ]);
    expect(json.act).toBeNull();
    expect(json.disabledMailboxes).toBeNull();
    expect(json.cutoverBatches).toBeNull();
    expect(json.routerErrors).toBeNull();
    expect(json).toMatchObject({ scenario: 'hello', file: HELLO, mode: 'virtual', seed: 42, verdict: 'pass' });
    expect(Object.keys(json.counts)).toEqual([
      'sent', 'accepted', 'delivered', 'lost', 'bounced', 'tracked', 'tossed', 'untracked', 'untrackedByReason',
      'duplicatesPrevented', 'duplicates', 'pending',
    ]);
    expect(json.checks.map((c: { name: string }) => c.name)).toEqual([
      'no-lost-mail', 'no-untracked-mail', 'no-duplicate-activity', 'outbound-exactly-once', 'no-silent-drop', 'liveness', 'latency',
    ]);
    expect(json.traceHash).toMatch(/^[0-9a-f]{64}$/);
    // Same scenario and seed, same hash, across processes.
    expect(JSON.parse(mailflow('run', HELLO, '--json').stdout).traceHash).toBe(json.traceHash);
  });

  it('overrides the seed, skipping exact counts but keeping the verdict honest', () => {
    const json = JSON.parse(mailflow('run', HELLO, '--json', '--seed', '7').stdout);
    expect(json.seed).toBe(7);
    expect(json.expectations.every((e: { verdict: string }) => e.verdict === 'skipped')).toBe(true);
    expect(json.traceHash).not.toBe(JSON.parse(mailflow('run', HELLO, '--json').stdout).traceHash);
  });

  it('exits 1 and names the offenders when the run does not meet its expectations', () => {
    const file = scenarioFile('outage-beyond-expiry.yaml', `kind: scenario
name: outage-beyond-expiry
seed: 5
start: 2026-01-05T08:00:00Z
horizon: 2h
toy: { messages: 20, meanInterval: 1m, expiry: 30m }
faults:
  - { at: 0s, verb: down, target: mailbox }
  - { at: 2h, verb: up, target: mailbox }
expect:
  counts: { bounced: 0 }
`);
    const run = mailflow('run', file);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/FAIL counts\.bounced == 0 \(actual [1-9]\d*\)/);
  });

  it('exits 1 on an unexpected unknown: mail still in flight when the drain ends', () => {
    const file = scenarioFile('stuck.yaml', `kind: scenario
name: stuck
seed: 5
start: 2026-01-05T08:00:00Z
horizon: 1h
drain: 10m
toy: { messages: 5, meanInterval: 1m }
faults:
  - { at: 0s, verb: crash, target: consumer }
expect:
  checks: { liveness: fail }
`);
    const json = JSON.parse(mailflow('run', file, '--json').stdout);
    // liveness fails as declared, naming where the mail sits; no-lost-mail cannot judge it yet: unknown.
    expect(json.checks.find((c: { name: string }) => c.name === 'liveness')).toMatchObject({ verdict: 'fail', offenderCount: 5 });
    expect(json.verdict).toBe('unknown');
    expect(json.counts.pending).toBeGreaterThan(0);
    expect(mailflow('run', file).status).toBe(1);
  });

  it('refuses one path for two outputs before the run (their renames would clobber each other), writing nothing', () => {
    const dir = mkdtempSync(join(tmp, 'same-'));
    const same = join(dir, 'same.out');
    const run = mailflow('run', 'scenarios/hello.yaml', '--json', '--junit', same, '--trace', same);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('cannot write the JUnit report there too: the trace goes to this file; give each output its own');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses before the run an output name too long for the temporary file beside it, writing nothing', () => {
    const dir = mkdtempSync(join(tmp, 'long-'));
    const run = mailflow('run', 'scenarios/hello.yaml', '--json', '--junit', join(dir, `${'j'.repeat(240)}.xml`));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/cannot write the JUnit report: the file name is too long \(at most 241 bytes here\)/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 3, not 1, when standard output cannot be written (a full disk behind `> out.json`)', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" dist/harness/cli/main.js run scenarios/two-active-routers.yaml --json > /dev/full`], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^mailflow: cannot write to standard output: ENOSPC/);
  });

  it('exits 2 with file:line:column and field path for bad input, writing nothing to stdout', () => {
    const file = scenarioFile('bad.yaml', 'kind: scenario\nname: bad\nseed: -3\nstart: 2026-01-05T08:00:00Z\nhorizon: 1h\ntoy: {}\n');
    for (const command of [['run'], ['validate'], ['run', '--json']]) {
      const result = mailflow(...command, file);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`${file}:3:7: seed: `);
      expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    }
  });

  it('points a missing file that names a shipped scenario at mailflow-sim\'s own copy, from any directory', () => {
    const cli = join(repoRoot, 'dist/harness/cli/main.js');
    const byName = spawnSync(process.execPath, [cli, 'run', 'baseline-sss'], { cwd: tmp, encoding: 'utf8' });
    expect(byName.status).toBe(2);
    expect(byName.stderr).toContain(`baseline-sss: cannot read: ENOENT: no such file or directory, stat 'baseline-sss' (mailflow-sim ships a scenario of that name: ${join(repoRoot, 'scenarios', 'baseline-sss.yaml')})`);
    const byPath = spawnSync(process.execPath, [cli, 'validate', 'scenarios/lesson-2-exchange-outage.yaml'], { cwd: tmp, encoding: 'utf8' });
    expect(byPath.stderr).toContain(`(mailflow-sim ships a scenario of that name: ${join(repoRoot, 'scenarios', 'lesson-2-exchange-outage.yaml')})`);
    const plan = spawnSync(process.execPath, [cli, 'plan', 'recommended.yaml'], { cwd: tmp, encoding: 'utf8' });
    expect(plan.stderr).toContain(`(mailflow-sim ships a plan of that name: ${join(repoRoot, 'scenarios', 'plans', 'recommended.yaml')})`);
    // No such scenario: no hint.
    expect(spawnSync(process.execPath, [cli, 'run', 'no-such-thing.yaml'], { cwd: tmp, encoding: 'utf8' }).stderr).not.toContain('ships');
  });

  it('says a help topic is no command, with the nearest one, instead of printing the whole help', () => {
    const bogus = mailflow('help', 'rnu');
    expect(bogus.status).toBe(2);
    expect(bogus.stdout).toBe('');
    expect(bogus.stderr).toBe("error: unknown command 'rnu' (did you mean 'run'?)\n(mailflow --help lists the commands)\n");
    expect(mailflow('help', 'fuzz', 'merg').stderr).toMatch(/^error: unknown command 'fuzz merg' \(did you mean 'merge'\?\)/);
    const help = mailflow('help', 'run');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mailflow run \[options\] <file>/);
    expect(mailflow('help', 'fuzz', 'merge').stdout).toMatch(/^Usage: mailflow fuzz merge/);
    expect(mailflow('help').status).toBe(0);
  });

  it('exits 2 on usage errors', () => {
    expect(mailflow('frobnicate').status).toBe(2);
    expect(mailflow('run', HELLO, '--seed', 'abc').status).toBe(2);
    expect(mailflow('run').status).toBe(2);
  });

  it('validates without running', () => {
    const result = mailflow('validate', HELLO);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/valid scenario 'hello'/);
  });

  it('validates many files at once, as a pre-commit hook passes them: each one reported, exit 2 if any is bad', () => {
    const bad = scenarioFile('bad-among-many.yaml', 'kind: scenario\nname: bad\n');
    const result = mailflow('validate', HELLO, bad, 'scenarios/plans/big-bang.yaml');
    expect(result.status).toBe(2);
    expect(result.stdout.split('\n').filter((l) => l !== '')).toEqual([
      `${HELLO}: valid scenario 'hello'`, "scenarios/plans/big-bang.yaml: valid plan 'big-bang'",
    ]);
    expect(result.stderr).toMatch(/bad-among-many\.yaml:\d+:\d+: /);
    expect(result.stderr).toMatch(/mailflow validate: 1 of 3 files have problems\n$/);
    expect(mailflow('validate', HELLO, 'scenarios/plans/big-bang.yaml').status).toBe(0);
  });

  it('writes the trace as JSON lines under the requested name only, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-trace-'));
    const trace = join(dir, 'hello.jsonl');
    const json = JSON.parse(mailflow('run', HELLO, '--json', '--trace', trace).stdout);
    const lines = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((r) => r.seq >= 0)).toHaveLength(json.events);
    expect(lines.some((r) => r.kind === 'fault' && r.tag === 'down' && r.actor === 'mailbox')).toBe(true);
    expect(lines.some((r) => r.kind === 'ledger' && r.tag === 'activity-created')).toBe(true);
    expect(readdirSync(dir)).toEqual(['hello.jsonl']);
  });

  it('writes the same report with or without a trace beside it (alone, the report\'s recorder asks only for faults and notes)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-report-kinds-'));
    const cutover = 'scenarios/cutover-router-to-sss.yaml';
    expect(mailflow('run', cutover, '--report', join(dir, 'alone.html')).status).toBe(0);
    expect(mailflow('run', cutover, '--report', join(dir, 'traced.html'), '--trace', join(dir, 't.jsonl')).status).toBe(0);
    const alone = readFileSync(join(dir, 'alone.html'), 'utf8');
    expect(alone).toContain('sync disabled 1 mailbox at Test &amp; Enable');
    expect(alone).toContain('switchToServerSideSync crm');
    expect(alone).toBe(readFileSync(join(dir, 'traced.html'), 'utf8'));
  });
});

describe('mailflow CLI on hostile input', () => {
  it('exits 2, not 3, when the trace file cannot be created', () => {
    const result = mailflow('run', HELLO, '--trace', '/no/such/dir/trace.jsonl');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot write the trace/);
  });

  it('refuses a YAML alias bomb quickly with exit 2', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const result = mailflow('validate', scenarioFile('bomb.yaml', lines.join('\n') + '\n'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/YAML: .*alias/i);
  });

  it('exits 2, not 3, for values that would take the engine\'s timers past their limit', () => {
    const toy = (fields: string) => scenarioFile('big-delay.yaml', `kind: scenario\nname: big\nseed: 1\nstart: 2026-01-05T08:00:00Z\nhorizon: 1h\ntoy: { ${fields} }\n`);
    const result = mailflow('run', toy('processingMean: 9007199254740991'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/toy\.processingMean: expected at most 3153600000000 ms, that is 36500d \(100 years\)/);
    const slow = scenarioFile('slow.yaml', readFileSync('scenarios/exchange-basics.yaml', 'utf8').replace(/ratePerHour: [\d.]+/, 'ratePerHour: 1e-10'));
    expect(mailflow('run', slow).status).toBe(2);
  });

  it('refuses at once, with exit 2, traffic that would fill the memory over minutes', () => {
    const flood = scenarioFile('flood.yaml', readFileSync('scenarios/exchange-basics.yaml', 'utf8').replace(/ratePerHour: [\d.]+/, 'ratePerHour: 1e12'));
    const result = mailflow('run', flood);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ratePerHour: the traffic comes to about [\d,]+ messages .* more than the 20,000,000 a run may simulate/);
  });

  it('refuses zero intervals, which would re-arm a timer at the same instant forever', () => {
    const file = scenarioFile('zero.yaml', 'kind: scenario\nname: zero\nseed: 1\nstart: 2026-01-05T08:00:00Z\nhorizon: 1h\ntoy: { pollInterval: 0 }\n');
    const result = mailflow('run', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('toy.pollInterval: must be longer than 0');
  });
});

describe('the installed command', () => {
  it('is executable, so `npx mailflow` runs it directly (the README\'s main job)', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync('dist/harness/cli/main.js', ['--version'], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
  });
});
