// `wire.outboundSmtp` makes a wire run hand CRM's email, with the file's recipients and subjects, to a real SMTP
// server. A scenario file is often someone else's, so the file alone may name only loopback; any other server needs
// `--outbound-smtp HOST:PORT` from the person running it (which also replaces the file's), and a run whose outbound
// leaves for a real server says where on stderr first. The server here is a real smtp-server sink on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailflowAsync } from './cli-async.js';
import { mailflow } from '../helpers/cli.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/** TEST-NET-1 (RFC 5737): off this machine, and nothing there ever answers. */
const ELSEWHERE = '192.0.2.25:2526';

function scenarioFile(outboundSmtp: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mailflow-outbound-')), 'outbound.yaml');
  writeFileSync(file, `kind: scenario
name: outbound-smtp-cli
seed: 3
start: 2026-01-05T08:00:00Z
horizon: 1h
drain: 1h
wire: { outboundSmtp: "${outboundSmtp}" }
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: paul@contoso.example, database: db1 }]
internet:
  senders: [{ name: fabrikam, domain: fabrikam.example }]
crm:
  users: [{ address: paul@contoso.example, incoming: none, outgoing: smtp }]
  contacts: [{ id: carol, address: carol@fabrikam.example }]
  outbound: { smtpServer: ex1, pollInterval: 1m }
  emails:
    - { at: 1m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Quote", regarding: carol }
`);
  return file;
}

let sink: SmtpSink;
beforeEach(async () => { sink = await startSmtpSink(); });
afterEach(async () => { await sink.close(); });

/** The refusal, at the field's line and column (line 7: `wire:`; the value's opening quote at column 23). */
function refusal(file: string): string {
  return `${file}:7:23: wire.outboundSmtp: ${ELSEWHERE} is not this machine (loopback is 127.0.0.0/8, [::1] or localhost), and wire `
    + 'mode would send the scenario\'s CRM email to it for real; a scenario file may name only a loopback server. To send there, say so '
    + `on the command line: --outbound-smtp ${ELSEWHERE}\n`;
}

describe('wire.outboundSmtp from a file', () => {
  it('is refused off loopback (exit 2, at the field, saying how to send there), under run --wire and serve', async () => {
    const file = scenarioFile(ELSEWHERE);
    const run = await mailflowAsync({}, 'run', file, '--wire', '--time-scale', '3600');
    expect(run).toEqual({ status: 2, stdout: '', stderr: refusal(file) });
    // serve refuses before it listens: nothing to stop, no listening line.
    const serve = await mailflowAsync({}, 'serve', file, '--smtp-port', '0');
    expect(serve).toEqual({ status: 2, stdout: '', stderr: refusal(file) });
  });

  it('is taken on loopback: the email reaches the server, and stderr said where it would go, once', async () => {
    const file = scenarioFile(`127.0.0.1:${sink.port}`);
    const run = await mailflowAsync({}, 'run', file, '--wire', '--time-scale', '3600', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ mode: 'wire', verdict: 'pass', counts: { sent: 1, duplicates: 0 } });
    expect(sink.received).toEqual([{ mailFrom: 'paul@contoso.example', rcptTo: ['carol@fabrikam.example'], subject: 'Quote CRM:0001001' }]); // CRM's tracking token added (O1)
    const notice = `mailflow run --wire: CRM outbound email will be sent for real to the SMTP server at 127.0.0.1:${sink.port} (wire.outboundSmtp in ${file})\n`;
    // One line, and the only one: said before the run, not buried in its output.
    expect(run.stderr).toBe(notice);
  });

  it('gives way to --outbound-smtp, which may name any server: the email goes there, not to the file\'s', async () => {
    const file = scenarioFile(ELSEWHERE);
    const run = await mailflowAsync({}, 'run', file, '--wire', '--time-scale', '3600', '--outbound-smtp', `127.0.0.1:${sink.port}`);
    expect(run.status).toBe(0);
    expect(sink.received.map((m) => m.rcptTo)).toEqual([['carol@fabrikam.example']]);
    expect(run.stderr).toContain(`mailflow run --wire: CRM outbound email will be sent for real to the SMTP server at 127.0.0.1:${sink.port} (--outbound-smtp)\n`);
    expect(run.stderr).not.toContain(ELSEWHERE);
  });

  it('--outbound-smtp goes with --wire, and must be host:port', async () => {
    const file = scenarioFile(`127.0.0.1:${sink.port}`);
    expect(await mailflowAsync({}, 'run', file, '--outbound-smtp', `127.0.0.1:${sink.port}`)).toMatchObject({ status: 2, stderr: `${file}: --outbound-smtp goes with --wire\n` });
    const bad = await mailflowAsync({}, 'run', file, '--wire', '--outbound-smtp', 'mail.example.com');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected host:port');
    expect(sink.received).toEqual([]);
  });
});

describe('mailflow validate on wire.outboundSmtp', () => {
  /** validate's warning, at the field's line and column as the refusal is (refusal() above). */
  const warning = (file: string, written: string) => `${file}:7:23: warning: wire.outboundSmtp: ${written} is not this machine (loopback is `
    + '127.0.0.0/8, [::1] or localhost), and wire mode would send the scenario\'s CRM email to it for real; a scenario file may name only a '
    + `loopback server: \`mailflow run --wire\` and \`mailflow serve\` will refuse to run this file (exit 2) unless the command line names the `
    + `server: --outbound-smtp ${written}\n`;

  it('warns, at the field, that run --wire and serve refuse a server off loopback without --outbound-smtp; the file stays valid', () => {
    // A name that resolves to loopback is still a name (looked up when the mail is sent): refused, so warned.
    for (const written of [ELSEWHERE, '[2001:db8::1]:25', 'mail.example.com:25']) {
      const file = scenarioFile(written);
      const validate = mailflow('validate', file);
      expect(validate, written).toEqual({ status: 0, stdout: `${file}: valid scenario 'outbound-smtp-cli'\n`, stderr: warning(file, written) });
    }
  });

  it('says nothing of a loopback server, which runs as written', () => {
    for (const written of ['127.0.0.1:2526', '127.8.9.10:25', '[::1]:2526', 'localhost:2526', 'LOCALHOST:25']) {
      const file = scenarioFile(written);
      expect(mailflow('validate', file), written).toEqual({ status: 0, stdout: `${file}: valid scenario 'outbound-smtp-cli'\n`, stderr: '' });
    }
  });

  it('is validate\'s alone: a virtual run sends CRM\'s email nowhere real, and says nothing of it', () => {
    const file = scenarioFile(ELSEWHERE);
    const run = mailflow('run', file, '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
