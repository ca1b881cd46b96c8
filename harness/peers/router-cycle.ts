// One E-mail Router cycle against a real mailbox (POP3 or IMAP on Dovecot): the rules of fakes/router/incoming-cycle.ts
// in the same order, as a thin async driver because that cycle runs on engine timers and synchronous requests. For
// each item past the ThresholdDate (R8): read it, take the original out of the forwarded attachment (R2), skip a
// poison message and keep it for the next cycle (R10), ask CRM (CheckIncomingEmail, S8-S12), create the activity
// (DeliverIncomingEmail), delete the item (R10; POP3 always deletes) and move the threshold past it (R8). A crash
// between create and delete leaves the item for the next cycle, where CRM's duplicate check refuses it (S8).
import type { Ledger } from '../../sim/ledger/ledger.js';
import { CRM_REQUEST, type CheckIncomingAnswer, type DeliverAnswer } from '../../fakes/crm/crm-api.js';
import type { IncomingEmail } from '../../fakes/crm/check-incoming.js';
import { originalOf, type MailMessage } from '../../fakes/mail/mail-message.js';
import { ROUTER_CALLER, isPoison } from '../../fakes/router/incoming-cycle.js';
import type { MailboxSession, StoredItem } from '../../fakes/wire/mailstore/mailbox-session.js';
import { messageFromMime, receivedAtOf } from '../../fakes/wire/mailstore/message-from-mime.js';
import type { PeerCrm } from './peer-crm.js';
import { isWaiting, keepForRetry, passThreshold, type PeerProviderState } from './provider-state.js';

export interface PeerProvider {
  /** The forward mailbox's address (the ledger's mailbox name). */
  readonly mailbox: string;
  /** R10: delete after processing (the forward mailbox's checkbox; POP3 always). */
  readonly deleteAfterProcessing: boolean;
  open(): Promise<MailboxSession>;
}

/** The driver stopped as a crashed router service would (a test's fault), not a harness bug. */
export class RouterCrash extends Error {}

export interface CycleOptions {
  /** Stop the service right after this message's activity was created, before its item is deleted. */
  readonly crashAfterCreate?: (key: string) => boolean;
}

export interface CycleReport {
  readonly read: number;
  readonly tracked: number;
  readonly refused: number;
  readonly kept: number;
  /** Why the cycle ended early, or null. */
  readonly error: string | null;
}

export async function runRouterCycle(
  crm: PeerCrm, ledger: Ledger, provider: PeerProvider, state: PeerProviderState, options: CycleOptions = {},
): Promise<CycleReport> {
  const session = await provider.open();
  const report = { read: 0, tracked: 0, refused: 0, kept: 0, error: null as string | null };
  // POP3 removes DELEted items only at QUIT: until then nothing is done, neither removed nor past the threshold (R8),
  // or a session that dies would leave items behind the threshold that were never deleted.
  const atClose: Array<() => void> = [];
  const deletes = provider.deleteAfterProcessing || session.protocol === 'pop3';
  const finish = session.protocol === 'pop3' ? (step: () => void) => atClose.push(step) : (step: () => void) => step();
  try {
    const items = await session.list();
    // Items kept for another try that are gone meanwhile are forgotten (as in incoming-cycle.ts).
    state.retry = state.retry.filter((id) => items.some((item) => item.id === id));
    for (const item of items) {
      const raw = await session.fetch(item.id);
      const receivedAtMs = item.receivedAtMs ?? await receivedAtOf(raw) ?? 0;
      if (!isWaiting(state, item.id, receivedAtMs)) continue;
      report.read++;
      const done = await processItem(crm, provider.mailbox, deletes, session, raw, item, options);
      if ('error' in done) {
        report.error = done.error;
        break;
      }
      report[done.outcome]++;
      if (done.outcome === 'kept') {
        keepForRetry(state, item.id);
        continue;
      }
      finish(() => {
        if (deletes) ledger.removed(done.key, provider.mailbox, 'processed');
        passThreshold(state, item.id, receivedAtMs);
      });
    }
  } catch (error) {
    session.abandon();
    throw error;
  }
  await session.close();
  for (const step of atClose) step();
  state.lastError = report.error;
  return report;
}

type ItemDone = { readonly outcome: 'tracked' | 'refused' | 'kept'; readonly key: string } | { readonly error: string };

async function processItem(
  crm: PeerCrm, mailbox: string, deletes: boolean, session: MailboxSession, raw: Buffer, item: StoredItem, options: CycleOptions,
): Promise<ItemDone> {
  const message = await messageFromMime(raw);
  // R2: a forward mailbox holds the original as an attachment.
  const original: MailMessage = originalOf(message);
  // R10 (POISON): this one fails every cycle; the rest go on.
  if (isPoison(message)) return { outcome: 'kept', key: original.key };
  const email: IncomingEmail = { message: original, receivingMailbox: mailbox, caller: ROUTER_CALLER };
  const check = crm.call<CheckIncomingAnswer>(ROUTER_CALLER, CRM_REQUEST.checkIncoming, email);
  if (check === null) return { error: 'CRM did not answer CheckIncomingEmail' };
  let tracked = false;
  if (check.shouldDeliver) {
    const delivered = crm.call<DeliverAnswer>(ROUTER_CALLER, CRM_REQUEST.deliverIncoming, email);
    if (delivered === null) return { error: 'CRM did not answer DeliverIncomingEmail' };
    tracked = delivered.delivered;
    if (tracked && options.crashAfterCreate?.(original.key) === true) {
      session.abandon();
      throw new RouterCrash(`router stopped after creating the activity for ${original.key}, before deleting its item`);
    }
  }
  // Tracked, or refused by design (a Duplicate, a message that does not belong): either way the item goes (R2, R10).
  if (deletes) await session.delete(item.id);
  return { outcome: tracked ? 'tracked' : 'refused', key: original.key };
}
