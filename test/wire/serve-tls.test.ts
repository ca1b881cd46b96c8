// STARTTLS with the user's own certificate (`mailflow serve --tls-cert FILE --tls-key FILE`), as Exchange's default
// receive connectors offer it, with AUTH offered only after it (BasicAuthRequireTLS): a client configured for
// production (nodemailer's requireTLS) gets its mail through, and a wrong file is refused before anything listens
// (exit 2, naming it). The certificate is made at test time with the openssl command line, skipped without it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServeSession } from '../../harness/run/serve-scenario.js';
import { listenerLimitsProblems } from '../../fakes/wire/listener-limits.js';
import { exchangeScenarioText } from '../helpers/exchange-scenario.js';
import { startServe } from '../helpers/serve-process.js';
import { mailflowAsync } from './cli-async.js';
import { portOf, serveTestWorld } from './wire-fixtures.js';
import { rawSmtp, rawSmtpOn, type RawSmtp } from './raw-smtp.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'mailflow-tls-'));

/** A self-signed certificate and its key (P-256: quick to make), as files; null without openssl. */
function selfSigned(name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
  return { cert, key };
}

const CRM = { user: 'crm', password: 's3cret' };
const plain = (user: string, password: string) => `AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`).toString('base64')}`;
const capabilities = (reply: string | null) => (reply ?? '').split(/\r?\n/).slice(1).map((l) => l.slice(4));

/** STARTTLS on an open dialogue: the same client, now on the TLS socket (the certificate is not checked). */
async function startTls(smtp: RawSmtp): Promise<RawSmtp> {
  expect(await smtp.command('STARTTLS')).toMatch(/^220 /);
  smtp.socket.removeAllListeners('data');
  const secure = tlsConnect({ socket: smtp.socket, rejectUnauthorized: false });
  await new Promise<void>((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
  return rawSmtpOn(secure);
}

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

describe.skipIf(!hasOpenssl)('STARTTLS with the user\'s certificate', () => {
  const files = hasOpenssl ? selfSigned('listener') : { cert: '', key: '' };
  const tls = hasOpenssl ? { cert: readFileSync(files.cert), key: readFileSync(files.key) } : null;

  it('offers STARTTLS and AUTH only after it; a requireTLS client authenticates and relays', async () => {
    session = await serveTestWorld({ auth: CRM, tls });
    const port = portOf(session);
    const smtp = await rawSmtp(port);
    expect(await smtp.reply()).toMatch(/^220 /);
    const before = capabilities(await smtp.command('EHLO client.example'));
    expect(before).toContain('STARTTLS');
    expect(before.filter((c) => c.startsWith('AUTH'))).toEqual([]);
    // Not offered, not taken: the right credentials in cleartext do not log in.
    expect(await smtp.command(plain('crm', 's3cret'))).toBe('500 5.5.2 Error: command not recognized');
    const secure = await startTls(smtp);
    const after = capabilities(await secure.command('EHLO client.example'));
    expect(after).toContain('AUTH PLAIN LOGIN');
    expect(after).not.toContain('STARTTLS');
    secure.socket.end('QUIT\r\n');

    const client = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false }, auth: { user: 'crm', pass: 's3cret' } });
    const info = await client.sendMail({ from: 'alice@contoso.example', to: 'x@elsewhere.example', subject: 'over TLS', text: 'x', messageId: '<tls@contoso.example>' });
    expect(info.accepted).toEqual(['x@elsewhere.example']);
    client.close();
    const outcome = await session.stop();
    session = null;
    expect(outcome.counts).toMatchObject({ sent: 1, accepted: 1 });
  });

  it('ends a session at its length after STARTTLS too (421 4.4.2 over TLS)', async () => {
    session = await serveTestWorld({ tls, maxSessionMs: 1_000 });
    const smtp = await rawSmtp(portOf(session));
    await smtp.reply();
    await smtp.command('EHLO client.example');
    const secure = await startTls(smtp);
    expect(await secure.command('EHLO client.example')).toMatch(/^250/);
    expect(await secure.reply()).toBe('421 4.4.2 Session longer than 1000 ms, closing connection');
    await secure.closed;
  });

  it('refuses a certificate and key that do not belong together before listening', () => {
    const other = selfSigned('other');
    expect(listenerLimitsProblems({ tls: { cert: readFileSync(files.cert), key: readFileSync(other.key) } }))
      .toEqual(['limits.tls: the private key does not belong to the certificate']);
  });

  it('mailflow serve --tls-cert --tls-key: a nodemailer requireTLS client gets its mail through', async () => {
    const file = join(dir, 'served.yaml');
    writeFileSync(file, exchangeScenarioText({ horizon: '1h', drain: '1h' }));
    const serve = await startServe([file, '--smtp-port', '0', '--time-scale', '60', '--tls-cert', files.cert, '--tls-key', files.key]);
    try {
      const client = nodemailer.createTransport({ host: '127.0.0.1', port: serve.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      const info = await client.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'over TLS', text: 'x', messageId: '<cli-tls@partner.example>' });
      expect(info.response).toMatch(/^250 2\.6\.0 /);
      client.close();
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('mailflow serve: a missing, wrong or lone file is refused (exit 2), naming it', async () => {
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate\n');
    const other = selfSigned('stranger');
    const file = join(dir, 'refused.yaml');
    writeFileSync(file, exchangeScenarioText({ horizon: '1h', drain: '1h' }));
    const serve = (...args: string[]) => mailflowAsync({}, 'serve', file, '--smtp-port', '0', ...args);
    const cases: Array<[string[], RegExp]> = [
      [['--tls-cert', join(dir, 'missing.crt'), '--tls-key', files.key], /^\S+missing\.crt: --tls-cert: cannot read it \(ENOENT\)\n$/],
      [['--tls-cert', junk, '--tls-key', files.key], /^\S+junk\.pem: --tls-cert: not a certificate in PEM \(/],
      [['--tls-cert', files.cert, '--tls-key', junk], /^\S+junk\.pem: --tls-key: not an unencrypted private key in PEM \(/],
      [['--tls-cert', files.cert, '--tls-key', other.key], /^\S+stranger\.key: --tls-key: the private key does not belong to the certificate \(--tls-cert \S+listener\.crt\)\n$/],
      [['--tls-cert', files.cert], /^\S+listener\.crt: --tls-cert needs --tls-key as well/],
    ];
    for (const [args, stderr] of cases) {
      const result = await serve(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(stderr);
      expect(result.stdout).toBe('');
    }
  });
});
