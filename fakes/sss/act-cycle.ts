// The appointments, contacts and tasks cycles of server-side sync inside its actor (S5, S15): per enabled user
// mailbox with filters, one cycle every 5-12 minutes (5-15 with incoming email enabled), reading the mailbox over EWS
// and the user's records over the web service, then `syncActOnce`. A cycle that cannot reach either side simply ends
// and the next one resumes (what it linked is already remembered). [I] A cycle takes no virtual time.
import type { ActorContext } from '../../sim/core/actor.js';
import { ACT_READ, ACT_WRITE, type ActWrite } from '../exchange/act-items.js';
import { ACT_REQUEST, type CrmActRecord } from '../crm/act-records.js';
import { ActSyncInterrupted, newActMailboxState, syncActOnce, type ActPorts, type ActStats, type ActMailboxState } from './act-sync.js';
import type { ActConfig } from './sss-config.js';
import { askMailbox, reached } from '../exchange/mailbox-protocol.js';

export const ACT_TIMER = 'act-cycle';

/** What the cycle needs of the service around it. */
export interface ActCycleHost {
  readonly ctx: ActorContext;
  readonly act: ActConfig;
  readonly states: Map<string, ActMailboxState>;
  readonly stats: ActStats;
  /** A CRM web-service call: its value, or null when CRM cannot be reached or answers an error. */
  crm<T>(tag: string, data: unknown): T | null;
  /** The Exchange server the mailbox's profile talks to. */
  serverOf(mailbox: string): string | undefined;
  /** Is the mailbox enabled, and the organisation on server-side sync? */
  syncing(mailbox: string): boolean;
  alert(subject: string, text: string): void;
}

export function actCycles(host: ActCycleHost) {
  const { ctx, act } = host;
  /** Memory only: mailboxes whose chain of cycles is running (a second Test & Enable must not start another). */
  const running = new Set<string>();
  const schedule = (mailbox: string, minMs = act.cycleMinMs): void => {
    ctx.setTimer(ctx.rng.uniformInt(minMs, act.cycleMaxMs), ACT_TIMER, mailbox);
  };

  const portsFor = (mailbox: string, server: string): ActPorts => {
    const exchange = (write: ActWrite): void => {
      if (!reached(askMailbox(ctx, server, ACT_WRITE, write))) throw new ActSyncInterrupted(`${server} unavailable`);
    };
    const crm = <T>(tag: string, data: unknown): T => {
      const answer = host.crm<T>(tag, data);
      if (answer === null) throw new ActSyncInterrupted('CRM unavailable');
      return answer;
    };
    return {
      saveCrm: (save) => crm(ACT_REQUEST.save, save),
      deleteCrm: (id) => void crm<boolean>(ACT_REQUEST.delete, { id }),
      putItem: (item) => exchange({ op: 'put', mailbox, item }),
      deleteItem: (itemId) => exchange({ op: 'delete', mailbox, itemId }),
      alert: (subject, text) => host.alert(subject, text),
    };
  };

  const cycle = (mailbox: string): void => {
    const server = host.serverOf(mailbox);
    const filters = act.filters.get(mailbox);
    if (server === undefined || filters === undefined) return;
    if (!host.syncing(mailbox)) return schedule(mailbox);
    const reply = askMailbox(ctx, server, ACT_READ, { mailbox });
    const records = host.crm<CrmActRecord[]>(ACT_REQUEST.retrieve, { owner: mailbox });
    if (!reached(reply) || records === null) {
      ctx.note('sss-act', `${mailbox}: cannot read ${records === null ? 'CRM' : server}; next cycle retries`);
      return schedule(mailbox);
    }
    let state = host.states.get(mailbox);
    if (state === undefined) host.states.set(mailbox, state = newActMailboxState());
    const input = { mailbox, items: reply.value, records, filters, distinctDeletes: act.distinctDeletes, nowMs: ctx.nowMs() };
    const stopped = syncActOnce(input, state, host.stats, portsFor(mailbox, server));
    if (stopped !== null) ctx.note('sss-act', `${mailbox}: cycle cut short (${stopped}); next cycle resumes`);
    schedule(mailbox);
  };

  return {
    /** A mailbox was enabled (or the service started): its first cycle within one cycle gap. */
    start(mailbox: string): void {
      if (!act.filters.has(mailbox) || running.has(mailbox)) return;
      running.add(mailbox);
      schedule(mailbox, 0);
    },
    onTimer(mailbox: string): void {
      cycle(mailbox);
    },
  };
}
