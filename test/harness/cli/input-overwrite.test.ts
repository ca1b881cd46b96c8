// An output path that is one of the command's inputs used to overwrite it with exit 0: `mailflow run s.yaml --report
// s.yaml` left the scenario as an HTML page. Now it is exit 2 before anything runs, the input untouched, however the
// path is written (./s.yaml, absolute, a symlink to it).
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mailflow, repoRoot } from '../../helpers/cli.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';

const cli = join(repoRoot, 'dist/harness/cli/main.js');

/** A directory holding a copy of these shipped files, by their base names. */
function copies(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-overwrite-'));
  for (const file of files) cpSync(join(repoRoot, file), join(dir, file.split('/').pop() ?? file));
  return dir;
}

/** The CLI run from `cwd`, so that paths can be written as a user in that directory would. */
function mailflowIn(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
}

describe('an output that would overwrite an input', () => {
  it('is refused before the run for each of run\'s outputs, however the path is written', () => {
    const dir = copies('scenarios/hello.yaml');
    const scenario = readFileSync(join(dir, 'hello.yaml'), 'utf8');
    symlinkSync('hello.yaml', join(dir, 'link.yaml'));
    for (const [option, path] of [['--report', 'hello.yaml'], ['--trace', './hello.yaml'], ['--junit', join(dir, 'hello.yaml')], ['--report', 'link.yaml']] as const) {
      const run = mailflowIn(dir, 'run', 'hello.yaml', '--json', option, path);
      expect(run.stderr).toBe(`${path}: ${option} would overwrite the scenario file hello.yaml\n`);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(readFileSync(join(dir, 'hello.yaml'), 'utf8')).toBe(scenario);
    }
  });

  it('is refused for a file the scenario names (an .eml it replays)', () => {
    const dir = copies('test/fixtures/eml/order.eml');
    writeFileSync(join(dir, 's.yaml'), exchangeScenarioText({ traffic: '{ eml: [{ at: 5m, file: order.eml }] }' }));
    const eml = readFileSync(join(dir, 'order.eml'), 'utf8');
    const run = mailflowIn(dir, 'run', 's.yaml', '--report', 'order.eml');
    expect(run.stderr).toBe(`order.eml: --report would overwrite the message file ${join(dir, 'order.eml')}\n`);
    expect(run.status).toBe(2);
    expect(readFileSync(join(dir, 'order.eml'), 'utf8')).toBe(eml);
  });

  it('is refused for plan --report over the plan, and --junit over a compared one', () => {
    const dir = copies('scenarios/plans/big-bang.yaml', 'scenarios/plans/recommended.yaml');
    const plans = ['big-bang.yaml', 'recommended.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const [option, path, plan] of [['--report', 'big-bang.yaml', 'big-bang.yaml'], ['--junit', './recommended.yaml', 'recommended.yaml']] as const) {
      const run = mailflowIn(dir, 'plan', 'big-bang.yaml', '--compare', 'recommended.yaml', '--no-progress', option, path);
      expect(run.stderr).toBe(`${path}: ${option} would overwrite the plan file ${plan}\n`);
      expect(run.status).toBe(2);
    }
    expect(['big-bang.yaml', 'recommended.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(plans);
  });

  it('is refused for demo --out over the lesson', () => {
    const dir = copies('scenarios/lesson-1-forward-mailbox.yaml');
    const lesson = readFileSync(join(dir, 'lesson-1-forward-mailbox.yaml'), 'utf8');
    const run = mailflowIn(dir, 'demo', 'lesson-1-forward-mailbox.yaml', '--out', 'lesson-1-forward-mailbox.yaml');
    expect(run.stderr).toBe('lesson-1-forward-mailbox.yaml: --out would overwrite the lesson file lesson-1-forward-mailbox.yaml\n');
    expect(run.status).toBe(2);
    expect(readFileSync(join(dir, 'lesson-1-forward-mailbox.yaml'), 'utf8')).toBe(lesson);
  });

  it('is refused for router-files --out where the scenario\'s own router files are', () => {
    const dir = copies('test/fixtures/router/scenario-from-files.yaml', 'test/fixtures/router/SystemState.xml');
    // The scenario's configFile named as router-files names the file it writes.
    cpSync(join(repoRoot, 'test/fixtures/router/EmailAgent.xml'), join(dir, 'Microsoft.Crm.Tools.EmailAgent.xml'));
    const scenario = readFileSync(join(dir, 'scenario-from-files.yaml'), 'utf8').replace('configFile: EmailAgent.xml', 'configFile: Microsoft.Crm.Tools.EmailAgent.xml');
    writeFileSync(join(dir, 'scenario-from-files.yaml'), scenario);
    const config = readFileSync(join(dir, 'Microsoft.Crm.Tools.EmailAgent.xml'), 'utf8');
    const run = mailflowIn(dir, 'router-files', 'scenario-from-files.yaml', '--out', '.');
    expect(run.stderr).toBe(`Microsoft.Crm.Tools.EmailAgent.xml: --out would overwrite the router file ${join(dir, 'Microsoft.Crm.Tools.EmailAgent.xml')}\n`);
    expect(run.status).toBe(2);
    expect(readFileSync(join(dir, 'Microsoft.Crm.Tools.EmailAgent.xml'), 'utf8')).toBe(config);
  });

  it('leaves a different file of the same name elsewhere alone', () => {
    const dir = copies('scenarios/hello.yaml');
    const run = mailflow('run', 'scenarios/hello.yaml', '--json', '--report', join(dir, 'hello.yaml'));
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'hello.yaml'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
