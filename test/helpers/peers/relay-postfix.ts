// Postfix as an outside sending MTA (toolchain.md, mode b): its own temp dir, relaying everything to
// [127.0.0.1]:relayPort on short back-off timers, so a test can watch it queue while the next hop is down and deliver
// once it is up.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostfix, type Postfix } from './postfix.js';

export interface RelayPostfix extends Postfix {
  readonly dir: string;
  /** How many deliveries its log reports with this status so far. */
  logged(status: 'deferred' | 'sent'): number;
  /** Stops it; keeps the temp dir when `keep`. */
  stopAndClean(keep?: boolean): Promise<void>;
}

export async function startRelayPostfix(relayPort: number): Promise<RelayPostfix> {
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-relay-'));
  chmodSync(dir, 0o755);
  const postfix = await startPostfix({ dir, mode: { kind: 'relay', relayPort } });
  return {
    ...postfix, dir,
    logged(status) {
      const log = readFileSync(join(dir, 'postfix.log'), 'utf8');
      return log.split('\n').filter((line) => line.includes(`status=${status}`)).length;
    },
    async stopAndClean(keep = false) {
      await postfix.stop();
      if (keep) console.error(`relay logs kept in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}
