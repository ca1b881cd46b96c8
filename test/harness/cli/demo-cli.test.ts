// `mailflow demo` as a trainer and a CI job use it: the page written atomically, each lane's run as the
// `mailflow run --json` contract and equal to the page's data, the story in the terminal, bad input exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mailflow, repoRoot } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailflow-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lesson2 = 'scenarios/lesson-2-exchange-outage.yaml';

describe('mailflow demo', () => {
  it('prints one lane\'s run as the run contract, whose counts the page\'s counters match', () => {
    const out = join(dir, 'lesson-2.html');
    const page = mailflow('demo', lesson2, '--out', out, '--json');
    expect(page.status).toBe(0);
    const summary = JSON.parse(page.stdout) as { lanes: Record<string, { counts: Record<string, number>; counters: Record<string, number> }> };
    for (const lane of ['router', 'sss']) {
      const result = mailflow('demo', lesson2, '--lane', lane, '--json');
      expect(result.status).toBe(0);
      const run = JSON.parse(result.stdout) as { scenario: string; mode: string; verdict: string; counts: Record<string, number>; traceHash: string };
      expect(run).toMatchObject({ scenario: `lesson-2-exchange-outage-${lane}`, mode: 'virtual', verdict: 'pass' });
      expect(run.traceHash).toMatch(/^[0-9a-f]{64}$/);
      expect(run.counts).toEqual(summary.lanes[lane]?.counts);
      for (const [counter, value] of Object.entries(summary.lanes[lane]?.counters ?? {})) expect(run.counts[counter], counter).toBe(value);
    }
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Lesson 2: Exchange is down for 90 minutes');
  });

  it('shows the first lesson when given no scenario', () => {
    const out = join(dir, 'default.html');
    const result = mailflow('demo', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toContain('Lesson 1');
    // Named as a user would write it from the checkout, as for a file given on the command line.
    const lane = mailflow('demo', '--lane', 'router', '--json');
    expect((JSON.parse(lane.stdout) as { file: string }).file).toBe('scenarios/lesson-1-forward-mailbox.yaml');
  });

  it('tells the story in the terminal with --narrate --auto, and a beat per Enter without it', () => {
    const auto = mailflow('demo', lesson2, '--narrate', '--auto');
    expect(auto.status).toBe(0);
    expect(auto.stdout).toContain('ex1 goes down');
    expect(auto.stdout).toMatch(/\[09:00:00\]/);
    expect(auto.stdout).toMatch(/At the end:\n {2}router PASS: tracked \d+/);
    // Without --auto it waits for Enter on stdin; stdin here is empty and closed, so it tells the rest at once.
    const stepped = mailflow('demo', lesson2, '--narrate');
    expect(stepped.stdout).toContain('(Enter: next step; n: next caption or operation; 9:30 or 09:30:15: jump to that time; +20m: jump ahead; Ctrl-D: tell the rest)');
    expect(stepped.stdout.split('\n').filter((l) => l.startsWith('['))).toEqual(auto.stdout.split('\n').filter((l) => l.startsWith('[')));
  });

  it('refuses a scenario without a demo block, a bad lane and an unwritable page with exit 2, before any run', () => {
    const noDemo = mailflow('demo', 'scenarios/exchange-outage.yaml', '--out', join(dir, 'x.html'));
    expect(noDemo.status).toBe(2);
    expect(noDemo.stderr).toContain('scenarios/exchange-outage.yaml: demo: has no demo: block');
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
    expect(mailflow('demo', lesson2, '--lane', 'outlook').status).toBe(2);
    const toDirectory = mailflow('demo', lesson2, '--out', dir);
    expect(toDirectory.status).toBe(2);
    expect(toDirectory.stderr).toContain('cannot write the demo page');
    expect(toDirectory.stderr).not.toContain('lane done');
  });

  it('refuses options of another way to use it instead of ignoring them (exit 2, nothing on stdout, no page)', () => {
    for (const options of [['--narrate', '--json'], ['--narrate', '--lane', 'sss'], ['--narrate', '--out', join(dir, 'n.html')], ['--lane', 'sss', '--out', join(dir, 'l.html')]]) {
      const run = mailflow('demo', lesson2, ...options);
      expect(run.status, options.join(' ')).toBe(2);
      expect(run.stdout, options.join(' ')).toBe('');
      expect(run.stderr, options.join(' ')).toMatch(/cannot be used with option/);
    }
    const auto = mailflow('demo', lesson2, '--auto', '--out', join(dir, 'a.html'));
    expect(auto.status).toBe(2);
    expect(auto.stderr).toBe('mailflow demo: --auto goes with --narrate (it tells the story without waiting for Enter)\n');
    for (const page of ['n.html', 'l.html', 'a.html']) expect(existsSync(join(dir, page))).toBe(false);
  });

  it('writes one lane\'s run as JUnit XML with --lane --junit, as mailflow run does; --junit alone is refused', () => {
    const junit = join(dir, 'lane.xml');
    const run = mailflow('demo', lesson2, '--lane', 'sss', '--junit', junit, '--json');
    expect(run.status).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<testsuite name="lesson-2-exchange-outage-sss"');
    expect(xml).toContain('name="no-lost-mail"');
    // A failing lane (lesson 1's sync lane under seed 8 shows no filing) names the command that runs that lane again.
    const failing = join(dir, 'failing.xml');
    expect(mailflow('demo', 'scenarios/lesson-1-forward-mailbox.yaml', '--lane', 'sss', '--seed', '8', '--junit', failing).status).toBe(1);
    expect(readFileSync(failing, 'utf8')).toContain('reproduce: mailflow demo scenarios/lesson-1-forward-mailbox.yaml --lane sss --seed 8');
    const alone = mailflow('demo', lesson2, '--junit', join(dir, 'alone.xml'));
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe("mailflow demo: --junit goes with --lane (one lane's run, as mailflow run writes it)\n");
    expect(existsSync(join(dir, 'alone.xml'))).toBe(false);
  });

  it('writes one lane\'s run as the HTML report with --lane --report, as mailflow run does; --report alone is refused', () => {
    // The sync lane has no file of its own to give mailflow run: this is the way to its report (the trainer review).
    const report = join(dir, 'lane.html');
    const json = join(dir, 'lane-report.xml');
    const run = mailflow('demo', lesson2, '--lane', 'sync', '--report', report, '--junit', json);
    expect(run.status).toBe(0);
    const page = readFileSync(report, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('lesson-2-exchange-outage-sss');
    // The faults as the lane's engine applied them: the outage is a band on its timeline.
    expect(page).toContain('data-label="down ex1"');
    expect(readFileSync(json, 'utf8')).toContain('<testsuite name="lesson-2-exchange-outage-sss"');
    const alone = mailflow('demo', lesson2, '--report', join(dir, 'alone.html'));
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe("mailflow demo: --report goes with --lane (one lane's run, as mailflow run writes it)\n");
    expect(existsSync(join(dir, 'alone.html'))).toBe(false);
  });

  it('warns of a caption that comes after the lesson ends, which never shows', () => {
    const late = join(dir, 'late-caption.yaml');
    writeFileSync(late, readFileSync(lesson2, 'utf8').replace(/^ {2}captions:\n/m, '  captions:\n    - { at: 20d, lane: both, text: "Too late to be seen." }\n'));
    const run = mailflow('demo', late, '--narrate', '--auto');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: .*late-caption\.yaml: the caption at 20d comes after the lesson ends \(\d[^)]*\) and never shows/);
    expect(mailflow('demo', lesson2, '--narrate', '--auto').stderr).not.toMatch(/warning/);
  });

  it('validates a lesson\'s lanes with mailflow validate', () => {
    const good = mailflow('validate', lesson2);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('with its demo lanes');
    const bad = join(dir, 'bad-lesson.yaml');
    writeFileSync(bad, readFileSync(join(repoRoot, lesson2), 'utf8').replace('- { at: 3h, verb: testAndEnable, target: sss }', '- { at: 3h, verb: testAndEnable, target: nobody }'));
    const result = mailflow('validate', bad);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/bad-lesson\.yaml:\d+:\d+: demo\.sss\.faults\[1\]\.target: /);
  });

  it('jumps ahead in --narrate: a time typed and Enter, +duration, or n for the next caption or operation', () => {
    const narrate = (input: string) => spawnSync(process.execPath, [join(repoRoot, 'dist/harness/cli/main.js'), 'demo', lesson2, '--narrate'], { cwd: repoRoot, encoding: 'utf8', input });
    const headers = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('['));
    const all = headers(mailflow('demo', lesson2, '--narrate', '--auto').stdout);
    // 9:00, then Enter: the beat at 09:00 and the one after it; then stdin ends: the rest.
    const nine = narrate('9:00\n\n');
    expect(nine.status).toBe(0);
    const skipped = all.indexOf('[09:00:00]');
    expect(skipped).toBeGreaterThan(20);
    expect(nine.stdout).toContain(`  (skipped ${skipped} steps, ${all[0]?.slice(1, -1)} to ${all[skipped - 1]?.slice(1, -1)})\n[09:00:00]\n  both   >> ex1 goes down.`);
    expect(headers(nine.stdout)).toEqual(all.slice(skipped));
    expect(narrate('+1h\n').stdout).toContain(`(skipped ${skipped} steps,`);
    // n: straight to the first caption (at 08:00:00, the first beat), then to the next one: 09:00.
    expect(headers(narrate('n\nn\n').stdout).slice(0, 2)).toEqual(['[08:00:00]', '[09:00:00]']);
    const wrong = narrate('later\n');
    expect(wrong.stdout).toContain("  ('later' means nothing here. Enter: next step; n: next caption or operation;");
    expect(headers(wrong.stdout)).toEqual(all);
  });

  it('takes --lane sync for the lane the narration calls sync (the same as sss)', () => {
    const sync = mailflow('demo', lesson2, '--lane', 'sync', '--json');
    expect(sync.status).toBe(0);
    const sss = mailflow('demo', lesson2, '--lane', 'sss', '--json');
    const hash = (stdout: string) => (JSON.parse(stdout) as { scenario: string; traceHash: string });
    expect(hash(sync.stdout)).toMatchObject({ scenario: 'lesson-2-exchange-outage-sss', traceHash: hash(sss.stdout).traceHash });
    const bad = mailflow('demo', lesson2, '--lane', 'outlook');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('a lane is router or sss (sync is the same as sss)');
  });

  it('finds a shipped lesson by name, from any directory, and lists the lessons for a name it does not know (exit 2)', () => {
    const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'dist/harness/cli/main.js'), 'demo', ...args], { cwd, encoding: 'utf8' });
    for (const name of ['lesson-2-exchange-outage', 'lesson-2-exchange-outage.yaml', 'lesson-2']) {
      const byName = run(repoRoot, name, '--lane', 'router', '--json');
      expect(byName.status, name).toBe(0);
      expect((JSON.parse(byName.stdout) as { file: string }).file, name).toBe(lesson2);
    }
    const elsewhere = run(dir, 'lesson-3', '--lane', 'router', '--json');
    expect(elsewhere.status).toBe(0);
    expect((JSON.parse(elsewhere.stdout) as { file: string }).file).toBe(join(repoRoot, 'scenarios/lesson-3-sync-cycle-and-watermark.yaml'));
    const unknown = run(repoRoot, 'lesson-9', '--narrate', '--auto');
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('mailflow demo: no file lesson-9, and no shipped lesson of that name; the lessons are lesson-1-forward-mailbox, '
      + 'lesson-2-exchange-outage, lesson-3-sync-cycle-and-watermark, lesson-4-cutover (in scenarios)\n');
    expect(unknown.stderr).not.toMatch(/ENOENT/);
    // A path that is not there is said as such, with the shipped copy of that name (docs/demo.md's form, run from a
    // project of one's own).
    const path = run(dir, 'scenarios/lesson-2-exchange-outage.yaml', '--narrate', '--auto');
    expect(path.status).toBe(2);
    expect(path.stderr).toContain(`(mailflow-sim ships a scenario of that name: ${join(repoRoot, 'scenarios', 'lesson-2-exchange-outage.yaml')})`);
  });

  it('takes a caption\'s lane written sync, as the narration calls it, for the sss lane', () => {
    const file = join(dir, 'lane-sync.yaml');
    const text = readFileSync(join(repoRoot, lesson2), 'utf8');
    expect(text).toContain('- { at: 1h5m, lane: sss,');
    writeFileSync(file, text.replace('- { at: 1h5m, lane: sss,', '- { at: 1h5m, lane: sync,'));
    const run = mailflow('demo', file, '--narrate', '--auto');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(mailflow('demo', lesson2, '--narrate', '--auto').stdout.replaceAll(lesson2, file));
  });
});
