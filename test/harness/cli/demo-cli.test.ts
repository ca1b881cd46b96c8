// `mailflow demo` as a trainer and a CI job use it: the page written atomically, each lane's run as the
// `mailflow run --json` contract and equal to the page's data, the story in the terminal, bad input exit 2.
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
    expect(stepped.stdout).toContain('(Enter: next step; Ctrl-D: tell the rest)');
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
});
