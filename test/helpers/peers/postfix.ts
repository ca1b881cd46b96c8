// A self-contained Postfix under a temp dir (../shared/docs/toolchain.md; nothing in /etc changes), in one of two
// modes: `deliver` accepts mail for virtual domains and writes it into Maildir mailboxes (which Dovecot serves), and
// `relay` is an outside sending MTA that relays everything to [127.0.0.1]:PORT and retries on short back-off timers.
import { execFile } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { POSTFIX } from './availability.js';
import { freePort } from './free-port.js';
import { startPeer, type PeerProcess } from './peer-process.js';

/** uid and gid of Debian's `mail` user: virtual delivery writes as it, Dovecot reads as it (no new user needed). */
export const MAIL_UID = 8;

export type PostfixMode =
  | { readonly kind: 'deliver'; readonly mailboxes: readonly string[]; readonly vmail: string }
  | { readonly kind: 'relay'; readonly relayPort: number };

export interface Postfix extends PeerProcess {
  readonly smtpPort: number;
  readonly configDir: string;
  /** `postfix flush`: retry the deferred queue at once. */
  flush(): Promise<void>;
}

export interface PostfixOptions {
  readonly dir: string;
  readonly mode: PostfixMode;
  /** Listen here (a port picked at run time when absent). */
  readonly smtpPort?: number;
}

export async function startPostfix(options: PostfixOptions): Promise<Postfix> {
  const { dir, mode } = options;
  const smtpPort = options.smtpPort ?? await freePort();
  const configDir = join(dir, 'postfix');
  const queue = join(dir, 'pf-queue');
  const data = join(dir, 'pf-data');
  for (const d of [configDir, queue, data]) mkdirSync(d, { recursive: true });
  chownSync(data, postfixUid(), postfixUid('gid'));
  const log = join(dir, 'postfix.log');
  writeFileSync(join(configDir, 'main.cf'), [...commonSettings(queue, data, log), ...modeSettings(dir, mode)].join('\n') + '\n');
  writeFileSync(join(configDir, 'master.cf'), masterCf(smtpPort));
  const peer = await startPeer({
    name: 'postfix', dir, command: POSTFIX, args: ['-c', configDir, 'start-fg'], logFiles: [log], ports: [smtpPort],
    pidFile: join(queue, 'pid', 'master.pid'),
  });
  return {
    ...peer, smtpPort, configDir,
    flush: async () => {
      await promisify(execFile)(POSTFIX, ['-c', configDir, 'flush']);
    },
  };
}

function commonSettings(queue: string, data: string, log: string): string[] {
  return [
    'compatibility_level = 3.6', `queue_directory = ${queue}`, `data_directory = ${data}`, 'meta_directory = /etc/postfix',
    'myhostname = mx.peers.test', 'mydestination =', 'inet_interfaces = 127.0.0.1', 'inet_protocols = ipv4',
    'mynetworks = 127.0.0.0/8', 'alias_maps =', 'alias_database =', 'local_recipient_maps =', 'smtputf8_enable = no',
    // Postfix writes its own log (no syslog here); a log outside /var must be allowed by prefix.
    `maillog_file = ${log}`, `maillog_file_prefixes = ${log}`,
  ];
}

function modeSettings(dir: string, mode: PostfixMode): string[] {
  if (mode.kind === 'relay') {
    return [
      `relayhost = [127.0.0.1]:${mode.relayPort}`,
      // Short timers, so a test sees a deferred message retried within seconds (toolchain.md).
      'minimal_backoff_time = 5s', 'maximal_backoff_time = 10s', 'queue_run_delay = 5s', 'smtp_connect_timeout = 2s',
    ];
  }
  const domains = [...new Set(mode.mailboxes.map((m) => m.slice(m.lastIndexOf('@') + 1).toLowerCase()))];
  const map = join(dir, 'vmailbox');
  // One line per mailbox; the trailing / makes it a Maildir under vmail/DOMAIN/LOCAL/ (where Dovecot looks).
  writeFileSync(map, mode.mailboxes.map((m) => `${m.toLowerCase()} ${m.slice(m.lastIndexOf('@') + 1).toLowerCase()}/${m.slice(0, m.lastIndexOf('@')).toLowerCase()}/`).join('\n') + '\n');
  return [
    `virtual_mailbox_domains = ${domains.join(', ')}`, `virtual_mailbox_base = ${mode.vmail}`,
    `virtual_mailbox_maps = texthash:${map}`, `virtual_uid_maps = static:${MAIL_UID}`, `virtual_gid_maps = static:${MAIL_UID}`,
    `virtual_minimum_uid = ${MAIL_UID}`, 'default_transport = error', 'relay_transport = error',
  ];
}

/** Debian's master.cf with smtpd on our loopback port and no chroot (the temp dir has no chroot jail). */
function masterCf(smtpPort: number): string {
  return readFileSync('/etc/postfix/master.cf', 'utf8').split('\n').map((line) => {
    if (line.startsWith('#') || /^\s/.test(line) || line.trim() === '') return line;
    const fields = line.split(/\s+/);
    if (fields.length < 8) return line;
    if (fields[0] === 'smtp' && fields[1] === 'inet') fields[0] = `127.0.0.1:${smtpPort}`;
    fields[4] = 'n';
    return fields.join('\t');
  }).join('\n');
}

function postfixUid(which: 'uid' | 'gid' = 'uid'): number {
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postfix:'));
  const fields = passwd?.split(':');
  const id = Number(fields?.[which === 'uid' ? 2 : 3]);
  if (!Number.isInteger(id)) throw new Error('no postfix user in /etc/passwd (is the postfix package installed?)');
  return id;
}
