// One suite's Postfix + Dovecot: started before its tests, stopped after them. A test runs its body through `run`,
// so a failure prints the peers' logs and keeps their temp dir for a look.
import { afterAll, beforeAll } from 'vitest';
import { requirePeers } from './availability.js';
import { startMailPeers, type MailPeers } from './mail-peers.js';

const HOOK_TIMEOUT_MS = 60_000;

export interface SuitePeers {
  run(body: (peers: MailPeers) => Promise<void>): Promise<void>;
}

export function useMailPeers(mailboxes: readonly string[]): SuitePeers {
  let peers: MailPeers | undefined;
  let failed = false;
  // vitest's 10 s default for hooks is short for two daemons starting on a loaded 2-core CI machine.
  beforeAll(async () => {
    requirePeers();
    peers = await startMailPeers(mailboxes);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    if (failed) console.error(peers?.logs());
    await peers?.stop(failed);
  }, HOOK_TIMEOUT_MS);
  return {
    async run(body) {
      if (peers === undefined) throw new Error('the mail peers did not start');
      try {
        await body(peers);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
  };
}
