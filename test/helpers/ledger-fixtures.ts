// Small hand-built ledgers: the known-good and known-bad cases checkers must tell apart.
import { Ledger } from '../../sim/ledger/ledger.js';

/** A ledger whose clock the test moves by hand. */
export function manualLedger(): { ledger: Ledger; at: (ms: number) => void } {
  let now = 0;
  return { ledger: new Ledger(() => now), at: (ms) => { now = ms; } };
}

/** submitted -> accepted for `mailbox` -> delivered to its Inbox (eligible). */
export function deliver(ledger: Ledger, messageId: string, mailbox = 'alice'): void {
  ledger.submitted(messageId, 'someone@outside.example', [mailbox]);
  ledger.accepted(messageId, [mailbox]);
  ledger.delivered(messageId, mailbox, 'user', 'Inbox', true);
}
