// `mailflow serve` takes its AUTH credentials from MAILFLOW_SMTP_AUTH as well as `--auth` (a command line is visible
// to every user of the machine through `ps`; the environment only to its owner), and `--max-session` sets the
// longest a client's connection may last. The real command, a raw socket client on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../helpers/serve-process.js';
import { exchangeScenarioText } from '../helpers/exchange-scenario.js';
import { AUTH_ENV, serveCredentials } from '../../harness/run/wire-credentials.js';
import { parseMaxSession } from '../../harness/cli/wire-commands.js';
import { mailflowAsync } from './cli-async.js';
import { rawSmtp } from './raw-smtp.js';

const plain = (user: string, password: string) => `AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`).toString('base64')}`;

function scenarioFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mailflow-serve-auth-')), 'served.yaml');
  writeFileSync(file, exchangeScenarioText({ horizon: '1h', drain: '1h' }));
  return file;
}

describe('mailflow serve credentials and session length', () => {
  it('takes AUTH credentials from MAILFLOW_SMTP_AUTH, off the command line, and ends a session at --max-session', async () => {
    const serve = await startServe([scenarioFile(), '--smtp-port', '0', '--time-scale', '60', '--max-session', '1500ms'], { [AUTH_ENV]: 'crm:s3cret' });
    try {
      // What `ps` shows: the password is not in it.
      expect(readFileSync(`/proc/${serve.child.pid}/cmdline`, 'utf8')).not.toContain('s3cret');

      const smtp = await rawSmtp(serve.port);
      const opened = Date.now();
      expect(await smtp.reply()).toMatch(/^220 /);
      expect(await smtp.command('EHLO client.example')).toMatch(/AUTH PLAIN LOGIN/);
      expect(await smtp.command(plain('crm', 'wrong'))).toMatch(/^535 /);
      expect(await smtp.command(plain('crm', 's3cret'))).toMatch(/^235 /);
      // Nothing more from the client: the idle timeout (30 s) is far off, the session's 1.5 s is not.
      expect(await smtp.reply()).toBe('421 4.4.2 Session longer than 1500 ms, closing connection');
      expect(Date.now() - opened).toBeGreaterThanOrEqual(1_500);
      await smtp.closed;
    } finally {
      await serve.stop();
    }
  });

  it('refuses a MAILFLOW_SMTP_AUTH that is not user:password (exit 2) before listening', async () => {
    const result = await mailflowAsync({ [AUTH_ENV]: 'no-colon' }, 'serve', scenarioFile(), '--smtp-port', '0');
    expect(result).toEqual({ status: 2, stdout: '', stderr: `${AUTH_ENV}: expected user:password\n` });
  });

  it('--auth wins over the variable; an empty variable is none', () => {
    expect(serveCredentials({ user: 'flag', password: 'p' }, { [AUTH_ENV]: 'env:q' })).toEqual({ user: 'flag', password: 'p' });
    expect(serveCredentials(undefined, { [AUTH_ENV]: 'env:q:r' })).toEqual({ user: 'env', password: 'q:r' });
    expect(serveCredentials(undefined, { [AUTH_ENV]: '' })).toBeNull();
    expect(serveCredentials(undefined, {})).toBeNull();
  });

  it('--max-session reads a duration or whole milliseconds, from 1 ms to what a timer takes', () => {
    expect(parseMaxSession('10m')).toBe(600_000);
    expect(parseMaxSession('1500')).toBe(1_500);
    for (const text of ['0', 'forever', '25d', '-1s']) expect(() => parseMaxSession(text), text).toThrow(/a duration such as 10m/);
  });
});
