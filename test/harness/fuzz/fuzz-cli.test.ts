// `mailflow fuzz` end to end through the compiled CLI: worker threads and shards do not change the result, shards
// merge into the whole campaign, a counterexample replays with `mailflow run`, and bad input exits 2.
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mailflow, repoRoot } from '../../helpers/cli.js';
import { XMLValidator } from 'fast-xml-parser';

const tmp = mkdtempSync(join(tmpdir(), 'mailflow-fuzz-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The result without what depends on the machine or on how it was run (rate, wall time, workers, shards). */
function outcomeOf(stdout: string) {
  const { runsPerSec: _rate, wallMs: _wall, workers: _workers, shard: _shard, counterexample, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  // The file's content, less the replay line that names where it was written.
  const content = typeof counterexample === 'string' ? readFileSync(counterexample, 'utf8').replace(/^# Replay: .*$/m, '') : null;
  return { ...rest, counterexample: content };
}

function fuzz(out: string, ...args: string[]) {
  return mailflow('fuzz', '--seed', '3', '--runs', '120', '--inject-bug', 'two-active-routers', '--json', '--no-progress', '--out', join(tmp, out), ...args);
}

describe('mailflow fuzz (CLI)', () => {
  it('gives the same result with one worker thread or three, and shards that merge into it', () => {
    const one = fuzz('one');
    expect(one.status).toBe(1);
    const three = fuzz('three', '--workers', '3');
    expect(three.status).toBe(1);
    expect(outcomeOf(three.stdout)).toEqual(outcomeOf(one.stdout));
    // More threads than cores are allowed, with a warning that they share the cores.
    const warned = /warning: --workers 3 is more than this machine's \d+ cores/.test(three.stderr);
    expect(warned).toBe(availableParallelism() < 3);

    const shards = ['1/3', '2/3', '3/3'].map((shard, i) => {
      const run = fuzz(`shard-${i + 1}`, '--shard', shard);
      const file = join(tmp, `shard-${i + 1}.json`);
      writeFileSync(file, run.stdout);
      return file;
    });
    // A shard without --seed would draw a campaign of its own: refused at once, not at merge time.
    const unseeded = mailflow('fuzz', '--runs', '10', '--shard', '1/3', '--json');
    expect(unseeded.status).toBe(2);
    expect(unseeded.stdout).toBe('');
    expect(unseeded.stderr).toContain('--shard 1/3 needs --seed');
    // Only a whole campaign merges: a missing shard, or one twice, is refused.
    expect(mailflow('fuzz', 'merge', shards[0] ?? '', shards[1] ?? '').stderr).toMatch(/shard 3\/3 is missing/);
    expect(mailflow('fuzz', 'merge', shards[0] ?? '', shards[0] ?? '', shards[1] ?? '', shards[2] ?? '').stderr).toMatch(/shard 1\/3 is there twice/);
    // A shard of another campaign (here: with people's habits) is refused too, naming what differs.
    const other = join(tmp, 'shard-habits.json');
    writeFileSync(other, fuzz('shard-habits', '--shard', '3/3', '--habits').stdout);
    const mixed = mailflow('fuzz', 'merge', shards[0] ?? '', shards[1] ?? '', other);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/different campaigns \(habits: false in shard 1\/3, true in shard 3\/3\)/);
    // --junit: one testcase, failed as the exit code says, with the counterexample to replay; merge writes one too.
    const junit = join(tmp, 'fuzz.xml');
    const withJunit = fuzz('junit', '--junit', junit);
    expect(withJunit.status).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<failure message="\d+ of 120 runs failed; the smallest, run \d+, fails/);
    expect(xml).toContain(`replay: mailflow run ${(JSON.parse(withJunit.stdout) as { counterexample: string }).counterexample}`);
    const mergedJunit = join(tmp, 'merged.xml');
    expect(mailflow('fuzz', 'merge', ...shards, '--junit', mergedJunit).status).toBe(1);
    expect(readFileSync(mergedJunit, 'utf8')).toContain('name="seed 3, shard 1/3,2/3,3/3, injected defect two-active-routers"');
    const clean = join(tmp, 'clean.xml');
    expect(mailflow('fuzz', '--seed', '1', '--runs', '5', '--json', '--out', join(tmp, 'clean-out'), '--junit', clean).status).toBe(0);
    expect(readFileSync(clean, 'utf8')).toContain('<system-out>5 runs, none failed</system-out>');
    const merged = mailflow('fuzz', 'merge', ...shards, '--json');
    expect(merged.status).toBe(1);
    const whole = JSON.parse(one.stdout) as Record<string, unknown>;
    expect(JSON.parse(merged.stdout)).toMatchObject({ runs: whole['runs'], failures: whole['failures'], failingRun: whole['failingRun'], failingSeed: whole['failingSeed'], shard: '1/3,2/3,3/3' });
    // Both print the contract's six fields first, in docs/fuzz.md's order (a shard's used to put runsPerSec third).
    const CONTRACT = ['runs', 'failures', 'seed', 'failingSeed', 'runsPerSec', 'counterexample'];
    expect(Object.keys(whole).slice(0, 6)).toEqual(CONTRACT);
    expect(Object.keys(JSON.parse(merged.stdout) as object)).toEqual(Object.keys(whole));
    // The text says the workers are summed over the shards (each ran one).
    expect(mailflow('fuzz', 'merge', ...shards).stdout).toMatch(/^fuzz: \d+ runs \(seed \d+, shards 1\/3,2\/3,3\/3, 3 workers in all[,)]/);
  });

  it('prints the counterexample and its seed; mailflow run replays it to the same failure', () => {
    const run = mailflow('fuzz', '--seed', '3', '--runs', '120', '--inject-bug', 'two-active-routers', '--no-progress', '--out', join(tmp, 'text'));
    expect(run.status).toBe(1);
    const file = /^counterexample: (.+)$/m.exec(run.stdout)?.[1] ?? '';
    expect(run.stdout).toMatch(/^smallest failing run: \d+ \(seed \d+\)/m);
    expect(run.stdout).toContain('no-duplicate-activity: fail');
    const replay = mailflow('run', file);
    expect(replay.status).toBe(1);
    expect(replay.stdout).toMatch(/FAIL no-duplicate-activity/);
  });

  it('shows its defaults as they are written on the command line', () => {
    const help = mailflow('fuzz', '--help').stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(default: 1/1)');
    expect(help).toContain('(default: router,sss,cutover)');
    expect(help).not.toMatch(/default: [[{]/);
  });

  it('passes (exit 0) when every run passes, and refuses bad options and inputs with exit 2', () => {
    const clean = mailflow('fuzz', '--seed', '4', '--runs', '30', '--json', '--no-progress', '--out', join(tmp, 'clean'));
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ runs: 30, failures: 0, seed: 4, failingSeed: null, counterexample: null });
    expect(mailflow('fuzz', '--shard', '4/3').status).toBe(2);
    expect(mailflow('fuzz', '--inject-bug', 'no-such-bug').status).toBe(2);
    expect(mailflow('fuzz', '--paths', 'router,carrier-pigeon').status).toBe(2);
    // Habits allow exactly what this defect does: the campaign could never find it.
    const hidden = mailflow('fuzz', '--habits', '--inject-bug', 'threshold-before-create', '--runs', '5');
    expect(hidden.status).toBe(2);
    expect(hidden.stderr).toMatch(/could not find it/);
    // Counterexamples never go under scenarios/, and an unusable directory is refused before any run.
    expect(mailflow('fuzz', '--runs', '5', '--out', 'scenarios/fuzz').status).toBe(2);
    // From another directory too: the shipped scenarios are this installation's.
    const elsewhere = spawnSync(process.execPath, [join(repoRoot, 'dist/harness/cli/main.js'), 'fuzz', '--runs', '5', '--out', join(repoRoot, 'scenarios/fuzz')], { cwd: tmp, encoding: 'utf8' });
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toContain('counterexamples never go under scenarios/');
    // A project's own scenarios/ is its own (the engineer review: a regression folder of that name was refused).
    const own = spawnSync(process.execPath, [join(repoRoot, 'dist/harness/cli/main.js'), 'fuzz', '--runs', '2', '--seed', '1', '--json', '--out', 'scenarios/fuzz'], { cwd: tmp, encoding: 'utf8' });
    expect(own.stderr).toBe('');
    expect(own.status).toBe(0);
    const aFile = join(tmp, 'a-file');
    writeFileSync(aFile, 'x');
    const blocked = mailflow('fuzz', '--runs', '5', '--json', '--out', join(aFile, 'out'));
    expect(blocked.status).toBe(2);
    expect(blocked.stdout).toBe('');
    // A dangling symlink on the way is refused before any run, not found when the counterexample is written.
    symlinkSync(join(tmp, 'nowhere'), join(tmp, 'dangling'));
    const dangling = mailflow('fuzz', '--seed', '3', '--runs', '5', '--json', '--out', join(tmp, 'dangling', 'sub'));
    expect(dangling.status).toBe(2);
    expect(dangling.stderr).toContain('cannot write counterexamples here');
    // A campaign that finds nothing leaves no empty counterexample directory behind.
    const unused = join(tmp, 'never-made', 'out');
    expect(mailflow('fuzz', '--seed', '1', '--runs', '5', '--json', '--out', unused).status).toBe(0);
    expect(existsSync(join(tmp, 'never-made'))).toBe(false);
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{"runs": "many"}');
    const bad = mailflow('fuzz', 'merge', notJson);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(notJson);
    // A campaign of 1e400 runs (Infinity once parsed) is refused, not counted.
    const endless = join(tmp, 'endless.json');
    const result = JSON.parse(clean.stdout) as { campaign: Record<string, unknown> };
    writeFileSync(endless, JSON.stringify({ ...result, campaign: { ...result.campaign, runs: 'ENDLESS' } }).replace('"ENDLESS"', '1e400'));
    const refused = mailflow('fuzz', 'merge', endless);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/campaign\.runs should be a whole number/);
    // Failures are a count of the shard's own runs: -5, or 100 of 30, merged into "-5 failed" or "every run passed".
    for (const failures of [-5, 100, 1.5]) {
      const file = join(tmp, `failures${failures}.json`);
      writeFileSync(file, JSON.stringify({ ...result, failures }));
      const merged = mailflow('fuzz', 'merge', file);
      expect(merged.status).toBe(2);
      expect(merged.stdout).toBe('');
      expect(merged.stderr).toBe(`${file}: not the --json output of mailflow fuzz: failures should be a whole number from 0 to runs (30), got ${failures}\n`);
    }
  });

  it('refuses more worker threads than 64 before starting any, saying the limit', () => {
    // 300 workers took 12.6 GB and 310 threads for a campaign one thread does in 4 s.
    const many = mailflow('fuzz', '--workers', '300', '--runs', '5', '--json');
    expect(many.status).toBe(2);
    expect(many.stdout).toBe('');
    expect(many.stderr).toContain("option '--workers <n>' argument '300' is invalid. a whole number from 1 to 64");
    expect(mailflow('fuzz', '--workers', '0').status).toBe(2);
  });
});
