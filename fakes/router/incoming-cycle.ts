// One cycle of one incoming provider (R2, R8, R10): read the mailbox's Inbox past the ThresholdDate, and for each item
// take the original out of the forwarded attachment, ask CRM (CheckIncomingEmail), create the activity
// (DeliverIncomingEmail one round trip later), then delete the item where the provider deletes after processing, and
// move the ThresholdDate past it. An item that fails (a poison message, R10) is kept for the next cycle and the
// next, while the ones after it are processed. A crash anywhere in between leaves the item to be read again after
// restart; CRM's duplicate check absorbs the repeat.
import type { ActorContext } from '../../sim/core/actor.js';
import type { MailMessage } from '../mail/mail-message.js';
import { MAILBOX_DELETE, MAILBOX_READ, type MailboxDelete, type MailboxRead, type ReadItem } from '../exchange/mailbox-access.js';
import { CRM_REQUEST, callCrm, type CheckIncomingAnswer, type DeliverAnswer } from '../crm/crm-api.js';
import type { IncomingEmail } from '../crm/check-incoming.js';
import type { IncomingProvider } from './providers.js';
import type { FinishOrder } from './router-config.js';
import type { ProviderState } from './system-state.js';
import { askMailbox, reached } from '../exchange/mailbox-protocol.js';

export const ROUTER_CALLER = 'router';

/** What a cycle needs from the service: its context, the provider's state on disk, and how to report. */
export interface CycleHost {
  readonly ctx: ActorContext;
  readonly crmCallMs: number;
  readonly maxThreadExecutionMs: number;
  readonly finishOrder: FinishOrder;
  state(provider: IncomingProvider): ProviderState;
  /**
   * [I] One router never works on one message in two threads at once (a user's Inbox and the forward mailbox can hold
   * the same message): a thread claims the message first, and an item claimed elsewhere waits for the next cycle,
   * when CRM's duplicate check answers. Two routers have no common claims: that is R13's race.
   */
  claim(key: string, provider: IncomingProvider): boolean;
  /** The router has processed this message (it is no longer news if it turns up before the threshold). */
  processed(key: string): void;
  /** Writes a provider's error to the service's event log (the trace's `router-error` note), the cycle going on. */
  logError(provider: IncomingProvider, why: string): void;
  /** The cycle is over (done, aborted or failed); the service schedules the next. */
  ended(provider: IncomingProvider, why: string | null): void;
}

export interface Cycle {
  readonly provider: IncomingProvider;
  readonly startedAtMs: number;
  readonly items: readonly ReadItem[];
  /**
   * The index of the item at the head: those before it are done or kept for another try. A cursor rather than
   * `shift()`: after a long outage a cycle reads a backlog of hundreds of thousands of items, and shifting an array
   * that big moves every element each time.
   */
  next: number;
}

/** The item the cycle is working on, or undefined once it has been through them all. */
function headOf(cycle: Cycle): ReadItem | undefined {
  return cycle.items[cycle.next];
}

/** A message the router cannot read (R10, POISON): a malformed attachment or MIME structure. */
export function isPoison(message: MailMessage): boolean {
  return message.malformed === true || message.attached?.malformed === true;
}

/** Is this item past the provider's ThresholdDate (items at the threshold instant that were done are remembered)? */
export function isNew(state: ProviderState, item: Pick<ReadItem, 'storeId' | 'receivedAtMs'>): boolean {
  if (state.thresholdMs === null || item.receivedAtMs > state.thresholdMs) return true;
  return item.receivedAtMs === state.thresholdMs && !state.doneAtThreshold.includes(item.storeId);
}

/** Will the provider read this item (again)? New, or kept for another try. */
export function isWaiting(state: ProviderState, item: Pick<ReadItem, 'storeId' | 'receivedAtMs'>): boolean {
  return isNew(state, item) || state.retry.includes(item.storeId);
}

export function startCycle(host: CycleHost, provider: IncomingProvider): Cycle | null {
  const { ctx } = host;
  const state = host.state(provider);
  // With no item kept for another try, only items at or past the ThresholdDate can be waiting (isNew): the store
  // finds them by binary search instead of copying out the whole Inbox every minute. Items kept for another try need
  // the whole Inbox, to forget those that are gone.
  const fromMs = state.retry.length === 0 ? state.thresholdMs : null;
  const read: MailboxRead = { mailbox: provider.mailbox, folder: 'Inbox', afterStoreId: 0, receivedAfterMs: null, receivedFromMs: fromMs };
  const reply = askMailbox(ctx, provider.profile.server, MAILBOX_READ, read);
  if (!reached(reply)) {
    host.ended(provider, `cannot read ${provider.mailbox} on ${provider.profile.server}`);
    return null;
  }
  const inbox = reply.value;
  // Items kept for another try that are gone meanwhile (deleted by someone) are forgotten.
  state.retry = state.retry.filter((id) => inbox.some((item) => item.storeId === id));
  const items = inbox.filter((item) => isWaiting(state, item));
  return { provider, startedAtMs: ctx.nowMs(), items, next: 0 };
}

/** Works through the cycle's items until one needs to wait for CRM (a timer), or the cycle ends. */
export function continueCycle(host: CycleHost, cycle: Cycle): void {
  const { ctx } = host;
  for (;;) {
    const item = headOf(cycle);
    if (item === undefined) return host.ended(cycle.provider, null);
    if (ctx.nowMs() - cycle.startedAtMs > host.maxThreadExecutionMs) {
      return host.ended(cycle.provider, `cycle exceeded MaxThreadExecution (${host.maxThreadExecutionMs} ms)`);
    }
    const original = originalOf(cycle.provider, item.message);
    if (isPoison(item.message)) {
      // R10: this one fails every cycle; the rest go on, but the threshold stays before it.
      host.state(cycle.provider).lastError = `cannot process ${original.key}: malformed message`;
      host.logError(cycle.provider, `${original.key} is malformed`);
      keepForRetry(host, cycle);
      continue;
    }
    if (!host.claim(original.key, cycle.provider)) {
      keepForRetry(host, cycle);
      continue;
    }
    const email: IncomingEmail = { message: original, receivingMailbox: cycle.provider.mailbox, caller: ROUTER_CALLER };
    const answer = callCrm<CheckIncomingAnswer>(ctx, cycle.provider.deployment.crmServer, CRM_REQUEST.checkIncoming, email);
    if (answer === null) return host.ended(cycle.provider, `CRM ${cycle.provider.deployment.crmServer} did not answer`);
    if (!answer.shouldDeliver) {
      // Refused by design (a Duplicate, a message that does not belong): the router tosses it (R2).
      if (!finishItem(host, cycle, item)) return host.ended(cycle.provider, `cannot delete from ${cycle.provider.mailbox}`);
      continue;
    }
    // The injected defects let go of the item here, before the activity exists (see FinishOrder).
    if (host.finishOrder === 'delete-first' && !deleteProcessed(host, cycle.provider, item)) {
      return host.ended(cycle.provider, `cannot delete from ${cycle.provider.mailbox}`);
    }
    if (host.finishOrder === 'threshold-first') passThreshold(host.state(cycle.provider), item);
    ctx.setTimer(host.crmCallMs, 'deliver', cycle.provider.id);
    return;
  }
}

/** The second CRM call for the item at the head of the cycle; then, a round trip later, its deletion. */
export function deliverHead(host: CycleHost, cycle: Cycle): void {
  const item = headOf(cycle);
  if (item === undefined) return host.ended(cycle.provider, null);
  const email: IncomingEmail = { message: originalOf(cycle.provider, item.message), receivingMailbox: cycle.provider.mailbox, caller: ROUTER_CALLER };
  const answer = callCrm<DeliverAnswer>(host.ctx, cycle.provider.deployment.crmServer, CRM_REQUEST.deliverIncoming, email);
  if (answer === null) return host.ended(cycle.provider, `CRM ${cycle.provider.deployment.crmServer} did not answer`);
  host.ctx.setTimer(host.crmCallMs, 'finish', cycle.provider.id);
}

/** After the activity exists: delete the item (if the provider does) and move the threshold. */
export function finishHead(host: CycleHost, cycle: Cycle): void {
  const item = headOf(cycle);
  if (item === undefined) return host.ended(cycle.provider, null);
  const deleted = host.finishOrder === 'delete-first';
  if (!finishItem(host, cycle, item, deleted)) return host.ended(cycle.provider, `cannot delete from ${cycle.provider.mailbox}`);
  continueCycle(host, cycle);
}

function finishItem(host: CycleHost, cycle: Cycle, item: ReadItem, deleted = false): boolean {
  const { provider } = cycle;
  if (!deleted && !deleteProcessed(host, provider, item)) return false;
  cycle.next++;
  host.processed(originalOf(provider, item.message).key);
  const state = host.state(provider);
  state.retry = state.retry.filter((id) => id !== item.storeId);
  passThreshold(state, item);
  return true;
}

/** R10: where the provider deletes after processing, the item goes; false when the mailbox cannot be reached. */
function deleteProcessed(host: CycleHost, provider: IncomingProvider, item: ReadItem): boolean {
  if (!provider.deleteAfterProcessing) return true;
  const request: MailboxDelete = { mailbox: provider.mailbox, storeId: item.storeId };
  return reached(askMailbox(host.ctx, provider.profile.server, MAILBOX_DELETE, request));
}

/** R8: the ThresholdDate moves past the item. */
function passThreshold(state: ProviderState, item: ReadItem): void {
  // Items come oldest first, so the threshold only moves forward; a retried older item leaves it where it is.
  if (state.thresholdMs === null || item.receivedAtMs > state.thresholdMs) {
    state.thresholdMs = item.receivedAtMs;
    state.doneAtThreshold = [item.storeId];
  } else if (item.receivedAtMs === state.thresholdMs && !state.doneAtThreshold.includes(item.storeId)) {
    state.doneAtThreshold.push(item.storeId);
  }
}

/** The item at the head failed or belongs to another thread: it is read again next cycle. */
function keepForRetry(host: CycleHost, cycle: Cycle): void {
  const item = headOf(cycle);
  cycle.next++;
  const state = host.state(cycle.provider);
  if (item !== undefined && !state.retry.includes(item.storeId)) state.retry.push(item.storeId);
}

/** R2: a forward mailbox holds the original as an attachment; a user's own Inbox holds the message itself. */
function originalOf(provider: IncomingProvider, message: MailMessage): MailMessage {
  return provider.kind === 'forward' ? message.attached ?? message : message;
}
