// Whether the Debian-package peers (Postfix, Dovecot) are installed. Without them a peer test is skipped with the
// reason, unless MAILFLOW_REQUIRE_PEERS=1 (CI) makes that an error (the same rule as test/helpers/chromium.ts).
import { existsSync } from 'node:fs';

export const POSTFIX = '/usr/sbin/postfix';
export const DOVECOT = '/usr/sbin/dovecot';
export const PEERS_REQUIRED = process.env['MAILFLOW_REQUIRE_PEERS'] === '1';

function missing(): string[] {
  return [POSTFIX, DOVECOT].filter((binary) => !existsSync(binary));
}

/** Should the peer suite named `test` be skipped? Says why on the console when it is. */
export function skipWithoutPeers(test: string): boolean {
  const absent = missing();
  if (absent.length > 0 && !PEERS_REQUIRED) {
    console.warn(`${test}: skipped, ${absent.join(' and ')} not installed (apt-get install postfix dovecot-imapd dovecot-pop3d)`);
  }
  return absent.length > 0 && !PEERS_REQUIRED;
}

/** Fails fast (MAILFLOW_REQUIRE_PEERS=1) when a peer binary is missing. */
export function requirePeers(): void {
  const absent = missing();
  if (absent.length > 0) throw new Error(`${absent.join(' and ')} required (MAILFLOW_REQUIRE_PEERS=1) but not installed`);
}
