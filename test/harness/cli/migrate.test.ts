// `mailflow migrate` (S14): merges each router's profiles into email server profiles, leaves out Exchange 2003 and
// custom providers with the reason, sets Process Email From 24 hours before the migration's virtual time, and
// writes nothing when the input is wrong (exit 2 naming which and why).
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailflow, repoRoot } from '../../helpers/cli.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';

const A = join(repoRoot, 'test/fixtures/migration/router-a');
const B = join(repoRoot, 'test/fixtures/migration/router-b');

function copyOf(dir: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'router');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

describe('mailflow migrate', () => {
  it('merges profiles, keeps forward mailboxes, leaves out WebDAV with the reason, and writes a usable fragment', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migrate-out-')), 'sss.yaml');
    const result = mailflow('migrate', A, B, '--at', '4h', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('profile exchange-ex1 (exchange, ex1.contoso.example): users 2, queues 0, forward mailbox crm@contoso.example');
    expect(result.stdout).toContain('profile pop3-smtp-pop (pop3-smtp, pop.contoso.example): users 1, queues 1');
    expect(result.stdout).toMatch(/not migrated: .*router-b: ProviderConfiguration\[3\] .*Exchange 2003 \(WebDAV\)/);
    expect(result.stdout).toMatch(/Process Email From: 20h before the scenario's start/);
    const fragment = readFileSync(out, 'utf8');
    expect(fragment).toContain('- { name: exchange-ex1, server: ex1, processEmailFrom: -20h }');
    expect(fragment).toContain('- { address: crm@contoso.example, profile: exchange-ex1, deleteAfterProcessing: false }');
  });

  it('reads what mailflow router-files writes: a scenario\'s router migrates in two commands', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'migrate-files-')), 'router');
    const written = mailflow('router-files', 'scenarios/baseline-router.yaml', '--out', dir, '--at-end');
    expect(written.status).toBe(0);
    expect(written.stderr).toContain('EncryptionKey.xml');
    const result = mailflow('migrate', dir, '--json');
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout) as { mailboxes: Array<{ address: string }>; skipped: unknown[] };
    expect(plan.skipped).toEqual([]);
    expect(plan.mailboxes.length).toBeGreaterThan(0);
  });

  it('prints the plan as JSON for machines', () => {
    const result = mailflow('migrate', A, '--at', '1d', '--json');
    const plan = JSON.parse(result.stdout) as { processEmailFromMs: number; mailboxes: unknown[]; skipped: unknown[] };
    expect(plan).toMatchObject({ processEmailFromMs: 0, skipped: [] });
    expect(plan.mailboxes).toHaveLength(2);
  });

  it('takes --at as durations are written in files: 0, bare milliseconds, units; past 36500d it names the limit (the docs audit)', () => {
    const pef = (at: string) => (JSON.parse(mailflow('migrate', A, '--at', at, '--json').stdout) as { processEmailFromMs: number }).processEmailFromMs;
    expect(pef('0')).toBe(-86_400_000);
    expect(pef('7200000')).toBe(pef('2h'));
    const late = mailflow('migrate', A, '--at', '36501d', '--json');
    expect(late.status).toBe(2);
    expect(late.stderr).toContain('"36501d" is longer than 36500d (100 years)');
    expect(mailflow('migrate', A, '--at', 'soon').stderr).toContain('a duration such as 4h, 2d 3h or 0, or whole milliseconds');
    // The help's default is one --at takes.
    expect(mailflow('help', 'migrate').stdout).toMatch(/--at <duration>.*\(default: 0, the scenario's start\)/s);
  });

  it('migrates a Service folder copied as it is: Configuration.bin and logs are ignored with one note (the incident review)', () => {
    const dir = copyOf(A);
    writeFileSync(join(dir, 'Microsoft.Crm.Tools.EmailAgent.Configuration.bin'), Buffer.from([0, 1, 2, 255]));
    writeFileSync(join(dir, 'Microsoft.Crm.Tools.EmailAgent.log'), 'started\n');
    writeFileSync(join(dir, 'EmailRouter.LOG'), 'started\n');
    const [out, plain] = ['copied', 'plain'].map((name) => join(mkdtempSync(join(tmpdir(), `migrate-${name}-`)), 'sss.yaml')) as [string, string];
    const result = mailflow('migrate', dir, '--out', out);
    expect(result.stderr).toBe(`${dir}: ignored: Microsoft.Crm.Tools.EmailAgent.Configuration.bin (the wizard does not read it), 2 .log files\n`);
    expect(result.status).toBe(0);
    // The same migration as from the three files alone.
    expect(mailflow('migrate', A, '--out', plain).stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(plain, 'utf8'));
  });

  it('writes Process Email From as scenarios write an instant, which the scenario reads back to the same time (S2a, S14)', () => {
    const scenario = readFileSync(join(repoRoot, 'scenarios/baseline-sss.yaml'), 'utf8');
    for (const [at, written] of [['4h', '-20h'], ['7d', '6d'], ['1d', '0s'], ['3h 59m 59s 1ms', '-20h 999ms']] as const) {
      const out = join(mkdtempSync(join(tmpdir(), 'migrate-pef-')), 'sss.yaml');
      const result = mailflow('migrate', A, '--at', at, '--out', out, '--json');
      expect(result.status).toBe(0);
      const fragment = readFileSync(out, 'utf8');
      expect(fragment).toContain(`processEmailFrom: ${written} }`);
      const { processEmailFromMs } = JSON.parse(result.stdout) as { processEmailFromMs: number };
      // The fragment pasted in place of a scenario's own sss: section loads, and its instant is the plan's.
      const file = join(mkdtempSync(join(tmpdir(), 'migrate-paste-')), 'pasted.yaml');
      // Its forward mailbox is not one of this scenario's: the profile alone, enabling the scenario's users.
      const profiles = fragment.slice(fragment.indexOf('sss:'), fragment.indexOf('  mailboxes:'));
      writeFileSync(file, `${scenario.slice(0, scenario.indexOf('\nsss:') + 1)}${profiles}  enabled: all\n${scenario.slice(scenario.indexOf('\nfaults:') + 1)}`);
      expect(parseScenarioText(readFileSync(file, 'utf8'), file).sss?.profiles[0]?.processEmailFrom).toBe(processEmailFromMs);
      if (written.includes(' ')) expect(mailflow('validate', file)).toMatchObject({ status: 0, stderr: '' });
    }
  });

  it('writes a fragment that a scenario naming its server in capitals takes: server names match in any case, as host names', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migrate-case-')), 'sss.yaml');
    expect(mailflow('migrate', A, '--out', out).status).toBe(0);
    const fragment = readFileSync(out, 'utf8');
    expect(fragment).toContain('server: ex1,');
    const profiles = fragment.slice(fragment.indexOf('sss:'), fragment.indexOf('  mailboxes:'));
    // baseline-sss with its Exchange server named EX1, as Windows shows server names, and the fragment's sss: section.
    const shipped = readFileSync(join(repoRoot, 'scenarios/baseline-sss.yaml'), 'utf8').replace('servers: [{ name: ex1, site: hq }]', 'servers: [{ name: EX1, site: hq }]')
      .replace('databases: [{ name: db1, server: ex1 }]', 'databases: [{ name: db1, server: EX1 }]');
    const pasted = (servers: string) => {
      const file = join(mkdtempSync(join(tmpdir(), 'migrate-case-')), 'pasted.yaml');
      const text = `${shipped.slice(0, shipped.indexOf('\nsss:') + 1)}${profiles}  enabled: all\n${shipped.slice(shipped.indexOf('\nfaults:') + 1)}`;
      writeFileSync(file, text.replace('servers: [{ name: EX1, site: hq }]', servers));
      return file;
    };
    const upper = pasted('servers: [{ name: EX1, site: hq }]');
    expect(mailflow('validate', upper)).toMatchObject({ status: 0, stderr: '' });
    expect(parseScenarioText(readFileSync(upper, 'utf8'), upper).sss?.profiles[0]?.server).toBe('EX1');
    // Two servers whose names differ only in case: the fragment's ex1 could be either.
    const twins = pasted('servers: [{ name: EX1, site: hq }, { name: ex1, site: hq }]');
    const refused = mailflow('validate', twins);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/pasted\.yaml:\d+:\d+: sss\.profiles\[0\]\.server: 'ex1' names EX1 and ex1, servers of the scenario whose names differ only in case \(host names ignore case\): rename one/);
  });

  it('refuses the same router directory named twice', () => {
    const result = mailflow('migrate', A, `${A}/`, '--json');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('named twice: each router directory once');
  });

  it('refuses an --out it cannot write before reading the routers, leaving nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-out-'));
    const result = mailflow('migrate', A, '--out', dir, '--json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`cannot write the server-side sync fragment: ${dir} is a directory`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses, writing nothing: five routers, too many bytes, a missing or unknown file, malformed XML', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'migrate-none-')), 'sss.yaml');
    const cases: Array<[string[], RegExp]> = [
      [[A, A, A, A, A], /5 routers: the wizard takes at most 4/],
      [[A, '--max-bytes', '100'], /more than 100/],
    ];
    const missing = copyOf(A);
    rmSync(join(missing, 'EncryptionKey.xml'));
    cases.push([[missing], /EncryptionKey\.xml: missing/]);
    const unknown = copyOf(A);
    writeFileSync(join(unknown, 'Microsoft.Crm.Tools.EmailAgent.Configuration.bin'), 'binary');
    writeFileSync(join(unknown, 'notes.txt'), 'what I changed');
    cases.push([[unknown], /notes\.txt: unknown file/]);
    const malformed = copyOf(A);
    writeFileSync(join(malformed, 'Microsoft.Crm.Tools.EmailAgent.xml'), '<Configuration><SystemConfiguration></Configuration>');
    cases.push([[malformed], /EmailAgent\.xml.*not well-formed/]);
    for (const [args, message] of cases) {
      const result = mailflow('migrate', ...args, '--out', out);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
