// The wire commands as a user runs them: `mailflow serve` prints where it listens, takes mail, and on SIGTERM prints
// exactly the `mailflow run --json` contract with mode "wire" and a null trace hash; bad input exits 2.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailflow } from '../helpers/cli.js';
import { startServe } from '../helpers/serve-process.js';
import { exchangeScenarioText } from '../helpers/exchange-scenario.js';
import { poolTo } from './wire-fixtures.js';

// mode "wire" adds its `wire` section (docs/wire.md): additive, a virtual run's object is design.md's exactly.
const RUN_JSON_KEYS = ['act', 'checks', 'counts', 'cutoverBatches', 'disabledMailboxes', 'events', 'expectations', 'file', 'mode', 'reenabledMailboxes', 'routerErrors', 'scenario', 'seed', 'simulatedMs', 'traceHash', 'verdict', 'wallMs', 'wire'];

function scenarioFile(text = exchangeScenarioText({ horizon: '1h', drain: '1h' })): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mailflow-wire-')), 'served.yaml');
  writeFileSync(file, text);
  return file;
}

describe('mailflow serve', () => {
  it('listens on a free loopback port, takes mail, and prints the run --json contract on SIGTERM (and a report)', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'mailflow-wire-')), 'session.html');
    const serve = await startServe([scenarioFile(), '--smtp-port', '0', '--time-scale', '60', '--json', '--report', report]);
    expect(serve.output().stderr).toContain(`mailflow serve: listening on 127.0.0.1:${serve.port} (ex1)`);
    const pool = poolTo(serve.port);
    await pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'hello', text: 'x', messageId: '<hello@partner.example>' });
    pool.close();
    const status = await serve.stop();
    const run = JSON.parse(serve.output().stdout) as Record<string, unknown>;
    expect(Object.keys(run).sort()).toEqual(RUN_JSON_KEYS);
    expect(run).toMatchObject({ mode: 'wire', traceHash: null, verdict: 'pass', counts: { sent: 1, accepted: 1, delivered: 1, lost: 0 } });
    expect(status).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<dd>wire</dd>');
    expect(html).toContain('&lt;hello@partner.example&gt;');
  });
});

/** The `reproduce:` lines of a JUnit report's failures. */
const reproduceLines = (junit: string) => junit.split('\n').filter((l) => l.startsWith('reproduce: ')).map((l) => l.replace(/<\/failure>$/, ''));

describe('the JUnit report of a wire command', () => {
  it('run --wire: its reproduce line is the wire run again, with its time scale and no seed', () => {
    const file = scenarioFile(`${exchangeScenarioText({
      horizon: '1h', drain: '1h',
      traffic: '{ messages: [{ at: 10m, from: carol@partner.example, to: [alice@contoso.example], subject: hi }] }',
    })}expect:\n  counts: { sent: 2 }\n`);
    const junit = join(mkdtempSync(join(tmpdir(), 'mailflow-wire-')), 'wire.xml');
    expect(mailflow('run', file, '--wire', '--time-scale', '3600', '--junit', junit).status).toBe(1);
    expect(reproduceLines(readFileSync(junit, 'utf8'))).toEqual([`reproduce: mailflow run ${file} --wire --time-scale 3600`]);
  });

  it('serve: its reproduce line is the serve command, with the options that shaped the session', async () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'mailflow-wire-')), 'serve.xml');
    const file = scenarioFile();
    const serve = await startServe([file, '--smtp-port', '0', '--time-scale', '60', '--expect-messages', '1', '--junit', junit], { MAILFLOW_SMTP_AUTH: 'u:secret' });
    expect(await serve.stop()).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(reproduceLines(xml)).toEqual([`reproduce: mailflow serve ${file} --smtp-port 0 --time-scale 60 --expect-messages 1`]);
    expect(xml).not.toContain('secret');
  });
});

describe('mailflow run --wire', () => {
  it('runs a scenario over sockets and prints mode wire with a null trace hash', () => {
    const file = scenarioFile(exchangeScenarioText({
      horizon: '1h', drain: '1h',
      traffic: '{ messages: [{ at: 10m, from: carol@partner.example, to: [alice@contoso.example], subject: hi }] }',
    }));
    const result = mailflow('run', file, '--wire', '--time-scale', '3600', '--json');
    expect(result.stderr).toContain('not marked wire: true');
    const run = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(run).toMatchObject({ mode: 'wire', traceHash: null, verdict: 'pass', counts: { sent: 1, accepted: 1 } });
    expect(result.status).toBe(0);
  });

  it('refuses a first port that leaves the last MX server none, saying how many ports it needs', () => {
    const file = scenarioFile(exchangeScenarioText({ servers: '[{ name: ex1, site: hq }, { name: ex2, site: hq }]' }));
    const result = mailflow('serve', file, '--smtp-port', '65535');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${file}: --smtp-port 65535 leaves too few ports: the 2 MX servers (ex1, ex2) need 2 in a row, 65535 to 65536; give at most 65534, or 0 for free ports\n`);
  });

  it('states the time scale\'s limit when refusing one', () => {
    expect(mailflow('serve', scenarioFile(), '--time-scale', '1e300').stderr).toContain('at most 31536000 (a year a second), written in digits');
  });

  it('exits 2 on bad input', () => {
    const file = scenarioFile();
    expect(mailflow('run', 'scenarios/hello.yaml', '--wire').status).toBe(2);
    expect(mailflow('run', file, '--wire', '--time-scale', '0').status).toBe(2);
    expect(mailflow('run', file, '--time-scale', '60').status).toBe(2);
    expect(mailflow('run', file, '--wire', '--trace', join(tmpdir(), 'never.jsonl')).status).toBe(2);
    expect(mailflow('serve', file, '--smtp-port', '70000').status).toBe(2);
    expect(mailflow('serve', file, '--auth', 'no-colon').status).toBe(2);
    expect(mailflow('serve', file, '--expect-messages', '0').status).toBe(2);
    // A host that does not resolve is bad input, not a crash (exit 3 said 'a bug in mailflow-sim').
    const host = mailflow('serve', file, '--smtp-port', '0', '--host', 'no-such-host.invalid');
    expect(host.status).toBe(2);
    expect(host.stderr).toMatch(/cannot listen: getaddrinfo (ENOTFOUND|EAI_AGAIN) no-such-host\.invalid/);
  });
});
