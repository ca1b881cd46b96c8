// What a scenario's SystemState.xml says that the run honours but the scenario very likely does not mean, said by
// validate and run as warnings at router.stateFile (the incident review: each made a run whose result looked like a
// modelling bug). A file that is not well-formed is KB954522's corrupt file (R8): the run keeps modelling a service
// that will not start, and the warning says why; ThresholdDates after the start leave mail unread (R8); providers for
// mailboxes the scenario does not have are ignored.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mailflow, repoRoot } from '../../helpers/cli.js';
import { loadScenarioWithFiles } from '../../../harness/scenario/load-scenario.js';

const FIXTURES = join(repoRoot, 'test/fixtures/router');
const SCENARIO_TEXT = readFileSync(join(FIXTURES, 'scenario-from-files.yaml'), 'utf8');

/** The fixture scenario (start 2026-01-05T08:00:00Z, horizon 3h) in a fresh directory with this SystemState.xml. */
function scenarioWithState(state: string, scenarioText = SCENARIO_TEXT): { file: string; stateFile: string; at: string } {
  const dir = mkdtempSync(join(tmpdir(), 'router-warnings-'));
  writeFileSync(join(dir, 'scenario.yaml'), scenarioText);
  copyFileSync(join(FIXTURES, 'EmailAgent.xml'), join(dir, 'EmailAgent.xml'));
  writeFileSync(join(dir, 'SystemState.xml'), state);
  const lines = scenarioText.split('\n');
  const line = lines.findIndex((l) => l.includes('stateFile:'));
  const column = (lines[line] ?? '').indexOf('SystemState.xml') + 1;
  // Said where the scenario names the file: file:line:column of the value, then the field path.
  return { file: join(dir, 'scenario.yaml'), stateFile: join(dir, 'SystemState.xml'), at: `${join(dir, 'scenario.yaml')}:${line + 1}:${column}: warning: router.stateFile: ` };
}

function stateXml(providers: ReadonlyArray<readonly [string, string]>): string {
  const entries = providers.map(([address, date], i) => `  <P${i}>\n    <emailaddress>${address}</emailaddress>\n    <lasterror></lasterror>\n    <thresholddate>${date}</thresholddate>\n  </P${i}>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<SystemState>', ...entries, '</SystemState>', ''].join('\n');
}

/** The warning lines of a command's stderr. */
const warningsOf = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': warning: '));

describe('a SystemState.xml the router reads as corrupt (KB954522, R8) is said, and still modelled', () => {
  const corrupt = '; the router will read it as a corrupt state file (KB954522, R8) and not start until the file is deleted (`deleteStateFile`)';

  it('not well-formed (a hand-editing slip): validate and run name the file, the parser\'s line, column and reason; nothing is tracked', () => {
    const { file, stateFile, at } = scenarioWithState([
      '<?xml version="1.0"?>', '<SystemState>', '  <P1>', '    <emailaddress>crm@contoso.example</emailaddress>',
      '    <thresholddate>2026-01-05T07:00:00Z</thresholddate>', '  </P2>', '</SystemState>', '',
    ].join('\n'));
    const said = `${at}${stateFile}, line 6, column 3: not well-formed XML: Expected closing tag 'P1' (opened in line 3, col 3) instead of closing tag 'P2'${corrupt}`;
    const validate = mailflow('validate', file);
    expect(validate.status).toBe(0);
    expect(warningsOf(validate.stderr)).toEqual([said]);
    const run = mailflow('run', file, '--json');
    expect(warningsOf(run.stderr)).toEqual([said]);
    // The model is unchanged: the service never starts, so both messages wait.
    expect(JSON.parse(run.stdout).counts).toMatchObject({ tracked: 0, pending: 2 });
  });

  it('truncated mid-element (a copy cut short): the line and column where the parser stopped', () => {
    const whole = readFileSync(join(FIXTURES, 'SystemState.xml'), 'utf8');
    const { file, stateFile, at } = scenarioWithState(whole.slice(0, whole.indexOf('</emailaddress>') + 7));
    expect(warningsOf(mailflow('validate', file).stderr)).toEqual([`${at}${stateFile}, line 4, column 45: not well-formed XML: Closing tag 'email' doesn't have proper closing${corrupt}`]);
  });

  it('empty, or with no root element: said the same way', () => {
    for (const [state, why] of [['', 'the file is empty'], ['<?xml version="1.0" encoding="utf-8"?>\n<!-- emptied -->\n', 'the file has no root element']] as const) {
      const { file, stateFile, at } = scenarioWithState(state);
      const validate = mailflow('validate', file);
      expect(validate.status).toBe(0);
      expect(warningsOf(validate.stderr)).toEqual([`${at}${stateFile}: ${why} (Root element is missing)${corrupt}`]);
    }
  });
});

describe('a SystemState.xml whose providers the run honours but the scenario very likely does not mean (R8)', () => {
  it('says nothing for a file whose ThresholdDates are before the start, for mailboxes of the scenario', () => {
    const { file } = scenarioWithState(stateXml([['CRM@Contoso.example', '2026-01-05T07:00:00.0000000Z']]));
    const validate = mailflow('validate', file);
    expect(validate.status).toBe(0);
    expect(validate.stderr).toBe('');
  });

  it('a ThresholdDate after the start: how long after, and after the horizon when it is; mail before it stays untracked', () => {
    const { file, at } = scenarioWithState(stateXml([['crm@contoso.example', '2026-01-05T09:00:00.0000000Z']]));
    const validate = mailflow('validate', file);
    expect(validate.status).toBe(0);
    expect(warningsOf(validate.stderr)).toEqual([`${at}crm@contoso.example's ThresholdDate 2026-01-05T09:00:00Z is 1h after the start: the router reads none of its mail received before it (R8)`]);
    const run = mailflow('run', file, '--json');
    expect(warningsOf(run.stderr)).toHaveLength(1);
    const json = JSON.parse(run.stdout) as { counts: { untrackedByReason: unknown }; checks: Array<{ name: string; offenders: Array<{ detail: string; thresholdDate?: unknown }> }> };
    expect(json.counts.untrackedByReason).toEqual({ 'before-threshold-date': 1 });
    // The offender names the same ThresholdDate, said the same way, though the router has read on past it since (its
    // file says 2h at the end): in --json, the summary and the report.
    const said = "crm@contoso.example's ThresholdDate 2026-01-05T09:00:00Z is 1h after the start";
    const [offender] = json.checks.find((c) => c.name === 'no-untracked-mail')?.offenders ?? [];
    expect(offender?.detail).toContain(`; ${said} (R8)`);
    expect(offender?.thresholdDate).toEqual({ mailbox: 'crm@contoso.example', atMs: 3_600_000, utc: '2026-01-05T09:00:00Z' });
    const report = join(dirname(file), 'report.html');
    const summary = mailflow('run', file, '--report', report);
    expect(summary.stdout).toContain(said);
    expect(readFileSync(report, 'utf8')).toContain('ThresholdDate 2026-01-05T09:00:00Z is 1h after the start (R8)');
    const late = scenarioWithState(stateXml([['crm@contoso.example', '2026-01-09T09:12:44.1230000Z']]));
    expect(warningsOf(mailflow('validate', late.file).stderr)).toEqual([`${late.at}crm@contoso.example's ThresholdDate 2026-01-09T09:12:44.123Z is 4d 1h 12m 44s 123ms after the start (after the horizon): the router reads none of its mail received before it (R8)`]);
  });

  it('many ThresholdDates after the start: one line, how many and the first three', () => {
    const extra = ['a1', 'a2', 'a3', 'a4'].map((n) => `    - { address: ${n}@contoso.example, database: db1 }\n`).join('');
    const text = SCENARIO_TEXT.replace('    - { address: crm@contoso.example, kind: forward, database: db1 }\n', (line) => `${line}${extra}`);
    expect(text).not.toBe(SCENARIO_TEXT);
    const { file, at } = scenarioWithState(stateXml(['crm', 'a1', 'a2', 'a3', 'a4'].map((n, i) => [`${n}@contoso.example`, `2026-01-05T${String(9 + (i % 2)).padStart(2, '0')}:00:00Z`] as const)), text);
    expect(warningsOf(mailflow('validate', file).stderr)).toEqual([
      `${at}5 providers' ThresholdDates are after the start: the router reads none of their mail received before them (R8); first: crm@contoso.example's 2026-01-05T09:00:00Z is 1h after the start; a1@contoso.example's 2026-01-05T10:00:00Z is 2h after the start; a2@contoso.example's 2026-01-05T09:00:00Z is 1h after the start`,
    ]);
  });

  it('providers for mailboxes the scenario does not have: one line, how many and the first three, ignored', () => {
    const strangers = Array.from({ length: 1200 }, (_, i) => [`user${i + 1}@contoso.example`, '2026-01-05T07:00:00Z'] as const);
    const { file, at } = scenarioWithState(stateXml([['crm@contoso.example', '2026-01-05T07:00:00Z'], ...strangers]));
    const validate = mailflow('validate', file);
    expect(validate.status).toBe(0);
    expect(warningsOf(validate.stderr)).toEqual([`${at}1,200 providers name no mailbox of the scenario and are ignored; first: user1@contoso.example, user2@contoso.example, user3@contoso.example`]);
    const one = scenarioWithState(stateXml([['crm@contoso.example', '2026-01-05T07:00:00Z'], ['Nobody@Contoso.example', '2026-01-05T07:00:00Z']]));
    expect(warningsOf(mailflow('validate', one.file).stderr)).toEqual([`${one.at}1 provider names no mailbox of the scenario and is ignored: nobody@contoso.example`]);
  });

  it('come back from loading with the scenario, after its own warnings, the same on every load (no state kept between loads)', async () => {
    const { file } = scenarioWithState(stateXml([['crm@contoso.example', '2026-01-05T09:00:00Z'], ['nobody@contoso.example', '2026-01-05T07:00:00Z']]));
    writeFileSync(file, readFileSync(file, 'utf8').replace('to: [paul@contoso.example], subject: "After it"', 'to: [pual@contoso.example], subject: "After it"'));
    const said = (await loadScenarioWithFiles(file)).warnings.map((w) => `${w.path}: ${w.message.slice(0, 40)}`);
    expect(said).toEqual([
      "traffic.messages[1].to[0]: 'pual@contoso.example' is no mailbox of ",
      'router.stateFile: 1 provider names no mailbox of the scena',
      "router.stateFile: crm@contoso.example's ThresholdDate 2026",
    ]);
    expect((await loadScenarioWithFiles(file)).warnings.map((w) => `${w.path}: ${w.message.slice(0, 40)}`)).toEqual(said);
  });
});
