// Whether the Debian-package peers (Postfix, Dovecot) are installed. Without them a peer test is skipped with the
// reason, unless MAILFLOW_REQUIRE_PEERS=1 (CI) makes that an error (the same rule as test/helpers/chromium.ts).
import { existsSync } from 'node:fs';

export const POSTFIX = '/usr/sbin/postfix';
export const DOVECOT = '/usr/sbin/dovecot';
const PEERS: readonly string[] = [POSTFIX, DOVECOT];

function required(): boolean {
  return process.env['MAILFLOW_REQUIRE_PEERS'] === '1';
}

/** What keeps the peers from running here: missing binaries, or not being root (the temp dirs are chowned to the
 * daemons' users, mail and postfix, and the daemons start as root before dropping privileges). */
function missing(binaries: readonly string[]): string[] {
  const absent = binaries.filter((binary) => !existsSync(binary)).map((binary) => `${binary} not installed`);
  if (process.getuid?.() !== 0) absent.push('not running as root');
  return absent;
}

/** Should the peer suite named `test` be skipped? Says why on the console when it is. */
export function skipWithoutPeers(test: string, binaries: readonly string[] = PEERS): boolean {
  const absent = missing(binaries);
  const skip = absent.length > 0 && !required();
  if (skip) console.warn(`${test}: skipped, ${absent.join(' and ')} (apt-get install postfix dovecot-imapd dovecot-pop3d; run as root)`);
  return skip;
}

/** Fails fast when a peer binary is missing (reached only when MAILFLOW_REQUIRE_PEERS=1 kept the suite from skipping). */
export function requirePeers(binaries: readonly string[] = PEERS): void {
  const absent = missing(binaries);
  if (absent.length > 0) throw new Error(`the peer tests are required (MAILFLOW_REQUIRE_PEERS=1) but cannot run: ${absent.join(' and ')}`);
}
