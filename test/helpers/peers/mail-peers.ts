// The mail store the router and CRM outbound meet in the peer tests: a delivering Postfix writing into Maildirs that
// a Dovecot serves over IMAP and POP3, both under one fresh temp dir, both on free loopback ports. `stop()` ends
// both; `logs()` gathers what they wrote for a failing test to print.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type Dovecot } from './dovecot.js';
import { MAIL_UID, startPostfix, type Postfix } from './postfix.js';
import type { MailEndpoints } from './peer-world.js';

export const PEER_PASSWORD = 'peer-secret';

export interface MailPeers {
  readonly dir: string;
  readonly postfix: Postfix;
  readonly dovecot: Dovecot;
  readonly password: string;
  readonly endpoints: MailEndpoints;
  logs(): string;
  /** Stops both; keeps the temp dir when `keep` (a failed test's evidence), removes it otherwise. */
  stop(keep?: boolean): Promise<void>;
}

/** Starts Postfix and Dovecot with one mailbox (and login) per address; Postfix on `smtpPort` when given. */
export async function startMailPeers(mailboxes: readonly string[], smtpPort?: number): Promise<MailPeers> {
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-peers-'));
  // mkdtemp makes it 0700; the daemons' own users (postfix, mail, dovecot) must pass through it.
  chmodSync(dir, 0o755);
  const vmail = join(dir, 'vmail');
  mkdirSync(vmail);
  chownSync(vmail, MAIL_UID, MAIL_UID);
  // Started side by side (Postfix's first start checks its fresh queue for about 2 s); if one fails, the other stops.
  const [dovecotStart, postfixStart] = await Promise.allSettled([
    startDovecot({ dir, vmail, users: mailboxes, password: PEER_PASSWORD }),
    startPostfix({ dir, mode: { kind: 'deliver', mailboxes, vmail }, ...(smtpPort === undefined ? {} : { smtpPort }) }),
  ]);
  if (dovecotStart.status === 'rejected' || postfixStart.status === 'rejected') {
    await Promise.all([dovecotStart, postfixStart].map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw dovecotStart.status === 'rejected' ? dovecotStart.reason : (postfixStart as PromiseRejectedResult).reason;
  }
  const dovecot: Dovecot = dovecotStart.value;
  const postfix: Postfix = postfixStart.value;
  return {
    dir, postfix, dovecot, password: PEER_PASSWORD,
    endpoints: { host: '127.0.0.1', smtpPort: postfix.smtpPort, imapPort: dovecot.imapPort, pop3Port: dovecot.pop3Port, password: PEER_PASSWORD },
    logs: () => `${postfix.logs()}\n${dovecot.logs()}`,
    async stop(keep = false) {
      await Promise.all([postfix.stop(), dovecot.stop()]);
      if (keep) console.error(`peer logs kept in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}
