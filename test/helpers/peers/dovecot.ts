// A self-contained Dovecot 2.3 under a temp dir (../shared/docs/toolchain.md): IMAP and POP3 on loopback ports picked
// at run time, plaintext logins from a users file, and Maildirs under the same vmail dir Postfix's virtual delivery
// writes into, so a message Postfix delivered is what IMAP and POP3 clients read.
import { chownSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOVECOT } from './availability.js';
import { freePort } from './free-port.js';
import { startPeer, type PeerProcess } from './peer-process.js';

export interface Dovecot extends PeerProcess {
  readonly imapPort: number;
  readonly pop3Port: number;
}

export interface DovecotOptions {
  readonly dir: string;
  readonly vmail: string;
  /** Login names (full addresses), all with `password`. */
  readonly users: readonly string[];
  readonly password: string;
}

export async function startDovecot(options: DovecotOptions): Promise<Dovecot> {
  const { dir, vmail } = options;
  const [imapPort, pop3Port] = [await freePort(), await freePort()];
  const base = join(dir, 'dv-base');
  const state = join(dir, 'dv-state');
  for (const d of [base, state]) mkdirSync(d, { recursive: true });
  const users = join(dir, 'users');
  writeFileSync(users, options.users.map((u) => `${u.toLowerCase()}:{PLAIN}${options.password}::::::`).join('\n') + '\n');
  chownSync(users, 0, dovecotGid());
  chmodSync(users, 0o640);
  const log = join(dir, 'dovecot.log');
  const config = join(dir, 'dovecot.conf');
  writeFileSync(config, `base_dir = ${base}
state_dir = ${state}
log_path = ${log}
protocols = imap pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
first_valid_uid = 8
mail_location = maildir:${vmail}/%d/%n
# A stable UIDL across sessions, as the router's POP3 provider relies on.
pop3_uidl_format = %08Xu%08Xv
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${users}
}
userdb {
  driver = static
  args = uid=mail gid=mail home=${vmail}/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = ${pop3Port}
  }
  inet_listener pop3s {
    port = 0
  }
}
`);
  const peer = await startPeer({ name: 'dovecot', dir, command: DOVECOT, args: ['-F', '-c', config], logFiles: [log], ports: [imapPort, pop3Port] });
  return { ...peer, imapPort, pop3Port };
}

function dovecotGid(): number {
  const line = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.startsWith('dovecot:'));
  const gid = Number(line?.split(':')[2]);
  if (!Number.isInteger(gid)) throw new Error('no dovecot group in /etc/group (is the dovecot package installed?)');
  return gid;
}
