// The CLI's terminal output carries names, addresses, Message-IDs and keys from scenario files and SMTP clients. The
// security review found their escape sequences reached the terminal raw: a key retitled it and cleared the screen, a
// Message-ID wrote the clipboard (OSC 52) and drew `virtual: PASS` over a failing run's verdict. Each command here
// runs the real CLI on such input: no control character a terminal obeys comes out, and the verdict line holds.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailflow, repoRoot } from '../../helpers/cli.js';
import { startServe } from '../../helpers/serve-process.js';

const tmp = mkdtempSync(join(tmpdir(), 'mailflow-terminal-'));

/** What a terminal would obey in this output: C0 controls but line breaks and tabs, DEL, C1, bidi controls. */
function controlsIn(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g)].map((m) => m[0]);
}

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

// YAML double-quoted escapes: the file holds them as text, the loader reads them as the characters.
const TITLE = '\\e]0;PWNED\\a';
const CLIPBOARD = '\\e]52;c;ZWNobyBwd25lZAo=\\a';
const SPOOF_LINE = '\\r\\e[5A\\e[2Kspoof (spoof.yaml), seed 11, virtual: PASS\\e[4B\\r\\e[2K';

/** A run that loses its one message (a restore without its logs, X3): no-lost-mail fails, naming the message. */
function losingScenario(name: string, messageId: string, address = 'alice@contoso.example'): string {
  return `kind: scenario
name: ${name}
seed: 11
start: 2026-01-05T06:00:00Z
horizon: 8h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes:
    - { address: "${address}", database: db1 }
internet:
  senders: [{ name: partners, domain: partner.example }]
traffic:
  messages:
    - { at: 1h, from: orders@partner.example, to: ["${address}"], subject: x, messageId: "${messageId}" }
faults:
  - { at: 0s, verb: backup, target: ex1, database: db1 }
  - { at: 4h, verb: dismount, target: ex1, database: db1 }
  - { at: 4h, verb: restore, target: ex1, database: db1, backupAt: 0s, replayLogs: false }
  - { at: 4h1m, verb: mount, target: ex1, database: db1 }
`;
}

describe('terminal output of input text', () => {
  it('run: a Message-ID and an address with escape sequences are shown escaped, and the FAIL verdict stands', () => {
    const path = file('spoof.yaml', losingScenario('spoof', `<${SPOOF_LINE}${TITLE}${CLIPBOARD}x@partner.example>`, 'alice\\e[8m@contoso.example'));
    const run = mailflow('run', path);
    expect(run.status).toBe(1);
    expect(controlsIn(run.stdout + run.stderr)).toEqual([]);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`spoof (${path}), seed 11, virtual: FAIL`);
    expect(lines.filter((l) => /virtual: PASS$/.test(l))).toEqual([]);
    // The offender is still there to read, its escapes visible.
    expect(run.stdout).toContain('\\u001b]52;c;ZWNobyBwd25lZAo=\\u0007');
    expect(run.stdout).toContain('alice\\u001b[8m@contoso.example');
    // --json is the contract, unchanged: JSON.stringify's own escapes, the Message-ID as the scenario wrote it.
    const json = mailflow('run', path, '--json');
    const offender = (JSON.parse(json.stdout) as { checks: Array<{ offenders: Array<{ messageId: string }> }> }).checks.flatMap((c) => c.offenders)[0];
    expect(offender?.messageId).toContain('\u001b]52;c;ZWNobyBwd25lZAo=\u0007');
  });

  it('run: a line break in a Message-ID or in the file\'s name adds no line of its own', () => {
    // (A scenario's name cannot hold one: the schema allows lower-case letters, digits and dashes.)
    const fake = '    ok   no-lost-mail: pass, every accepted copy is accounted for';
    const path = file('lines (x), seed 1, virtual: PASS\n.yaml', losingScenario('lines', `<x@partner.example>\\n${fake}`));
    const run = mailflow('run', path);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`lines (${tmp}/lines (x), seed 1, virtual: PASS\\n.yaml), seed 11, virtual: FAIL`);
    expect(lines.filter((l) => l.startsWith('    ok   no-lost-mail'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('    FAIL no-lost-mail'))).toHaveLength(1);
    expect(run.stdout).toContain(`<x@partner.example>\\n${fake}`);
  });

  it('validate: a YAML key and a fault target with escape sequences are named escaped, with file, line and column', () => {
    const header = 'kind: scenario\nname: ansi\nseed: 1\nstart: 2026-01-05T08:00:00Z\nhorizon: 1h\n';
    const key = file('key.yaml', `${header}"${TITLE}\\e[2J\\e[31mRED\\e[0m": 1\ntoy: { messages: 3 }\n`);
    const target = file('target.yaml', `${header}toy: { messages: 3 }\nfaults:\n  - { at: 1m, verb: down, target: "${TITLE}\\e[2J" }\n`);
    const result = mailflow('validate', key, target);
    expect(result.status).toBe(2);
    expect(controlsIn(result.stdout + result.stderr)).toEqual([]);
    expect(result.stderr).toContain(`${key}:6:1: \\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mRED\\u001b[0m: unknown field`);
    expect(result.stderr).toContain(`${target}:8:35: faults[0].target: no actor named '\\u001b]0;PWNED\\u0007\\u001b[2J'`);
  });

  it('warnings: a recipient one slip from a mailbox, written with an escape sequence, is named escaped', () => {
    const path = file('warn.yaml', losingScenario('warn', '<w@partner.example>').replace('to: ["alice@contoso.example"]', 'to: ["alic\\ee@contoso.example"]'));
    const result = mailflow('validate', path);
    expect(result.stderr).toContain('is no mailbox of the organisation');
    expect(controlsIn(result.stdout + result.stderr)).toEqual([]);
    expect(result.stderr).toContain("'alic\\u001be@contoso.example' is no mailbox");
  });

  it('commander\'s own errors, which quote the arguments, are escaped too', () => {
    const result = mailflow('run', `--bogus\u001b]0;PWNED\u0007`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--bogus\\u001b]0;PWNED\\u0007'");
    expect(controlsIn(result.stderr)).toEqual([]);
  });

  it('demo --narrate: subjects, Message-IDs, addresses, the title and captions are told escaped, a step a line', () => {
    const lesson = readFileSync(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml'), 'utf8')
      .replace('title: "Lesson 1:', `title: "${TITLE}Lesson 1:`)
      .replace('traffic:\n', `traffic:\n  messages:\n    - { at: 8m, from: carol@fabrikam.example, to: [ines@contoso.example], subject: "${TITLE}\\e[31mRED", messageId: "<${CLIPBOARD}@fabrikam.example>" }\n`)
      .replace('  captions:\n', `  captions:\n    - { at: 9m, lane: both, text: "${SPOOF_LINE}\\n[09:59:00]\\n  router PASS" }\n`);
    const path = file('lesson.yaml', lesson);
    const result = mailflow('demo', path, '--narrate', '--auto');
    expect(result.stderr).toBe('');
    expect(controlsIn(result.stdout)).toEqual([]);
    expect(result.stdout.split('\n')[0]).toBe('\\u001b]0;PWNED\\u0007Lesson 1: the forward mailbox, and why sync does without it');
    expect(result.stdout).toContain('\\u001b]0;PWNED\\u0007\\u001b[31mRED');
    // The caption's line breaks become spaces (a caption is prose written over lines), so it adds no clock line.
    expect(result.stdout.split('\n').filter((l) => l === '[09:59:00]')).toEqual([]);
    expect(result.stdout).toContain('\\u001b[2K [09:59:00] router PASS');
    expect(result.stdout).not.toContain('\\n');
  });

  it('serve: a Message-ID an SMTP client sent with escape sequences is printed escaped in the summary', async () => {
    const serve = await startServe([join(repoRoot, 'scenarios/wire-router-baseline.yaml'), '--smtp-port', '0', '--time-scale', '60']);
    const { port } = serve;
    // Two messages sharing one Message-ID: the second is untracked (message-id-reused), so the summary names it.
    const messageId = '<\u001b]0;WIRE-PWNED\u0007\u001b[2K\u001b[1A\u001b[2Kreuse@fabrikam.example>';
    for (const subject of ['first', 'second']) await sendRaw(port, `From: customers@fabrikam.example\r\nTo: anna@contoso.example\r\nSubject: ${subject}\r\nMessage-ID: ${messageId}\r\n\r\nhello\r\n`);
    const status = await serve.stop('SIGINT');
    const { stdout, stderr } = serve.output();
    expect(status).toBe(1);
    expect(stdout).toContain('<\\u001b]0;WIRE-PWNED\\u0007\\u001b[2K\\u001b[1A\\u001b[2Kreuse@fabrikam.example>');
    expect(controlsIn(stdout + stderr)).toEqual([]);
    expect(stdout.split('\n')[0]).toMatch(/, wire: FAIL$/);
  });

  it('every write of harness/cli goes through say.ts, so a new message cannot skip the escaping', () => {
    const dir = join(repoRoot, 'harness/cli');
    const raw = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'say.ts')
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((line, i) => ({ where: `${f}:${i + 1}`, line })))
      .filter(({ line }) => /process\.std(out|err)\.write|console\.(log|error|warn|info)/.test(line));
    expect(raw.map((r) => `${r.where}: ${r.line.trim()}`)).toEqual([]);
  });
});

/** One message over plain SMTP, as any client may send it (the bytes as given). */
async function sendRaw(port: number, message: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  const waiters: Array<() => void> = [];
  socket.on('data', (data: Buffer) => {
    buffer += data.toString('latin1');
    // A reply is complete once a line has its code followed by a space.
    while (/^\d{3} .*\r?\n/m.test(buffer)) {
      buffer = buffer.replace(/^[\s\S]*?^\d{3} .*\r?\n/m, '');
      waiters.shift()?.();
    }
  });
  const reply = () => new Promise<void>((resolve) => waiters.push(resolve));
  const say = async (line: string) => {
    const next = reply();
    socket.write(`${line}\r\n`);
    await next;
  };
  await reply();
  await say('EHLO client.example');
  await say('MAIL FROM:<customers@fabrikam.example>');
  await say('RCPT TO:<anna@contoso.example>');
  await say('DATA');
  await say(`${message}.`);
  await say('QUIT');
  socket.end();
}
