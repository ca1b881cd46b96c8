// One ledger step as a class sees it: where the message is afterwards, a caption in plain words, the rule ids that
// explain it (docs/domain.md) and what it does to the lane's counters. The step texts are the ledger's own
// (sim/ledger/step-kinds.ts), read back here; a message keeps one dot on the page, at its latest place.
import type { PathStep } from '../../sim/ledger/records.js';
import { REASON_DUPLICATE, TOSSED_REASON_CODES } from '../../sim/ledger/records.js';
import type { DemoStep, StepMark } from './demo-data.js';
import { CRM, INTERNET, ROUTER, SSS, mailboxPlace, serverPlace, type LanePlaces } from './lane-places.js';
import { reasonName } from './reason-names.js';
import { APP_FOR_OUTLOOK } from '../../fakes/outlook/app-for-outlook.js';

export interface MessageContext {
  readonly places: LanePlaces;
  /** The message is a CRM email (it has outbound statuses): it starts in CRM, not in its author's mailbox. */
  readonly crmEmail: boolean;
}

type View = Omit<DemoStep, 'atMs' | 'step' | 'detail'>;

const DELIVERED = /^([^/]*)\/(.*) \((user|queue|forward)(, eligible)?\)$/;

export function viewStep(step: PathStep, previous: string, ctx: MessageContext): DemoStep {
  const view = viewOf(step, previous, ctx);
  return { atMs: step.atMs, step: step.step, detail: step.detail, ...view };
}

function at(place: string, caption: string, rules: readonly string[], mark: StepMark | null = null): View {
  return { place, caption, rules, mark, reason: null };
}

/** A step that changes nothing for CRM (a person reading, a processed copy cleaned up): not worth a headline. */
function minor(view: View): View {
  return { ...view, minor: true };
}

/** Who reads mail for CRM in this lane: the router, server-side sync, or both (a lane that cuts over). */
interface Readers {
  readonly router: boolean;
  readonly sss: boolean;
  /** The lane has a forward mailbox: inbox rules copy mail to it (R1, R2). */
  readonly forward: boolean;
}

function readersOf(ctx: MessageContext): Readers {
  const has = (kind: string): boolean => ctx.places.places.some((p) => p.kind === kind);
  return { router: has('router'), sss: has('sss'), forward: has('forward-mailbox') };
}

/** The folder of a `delivered` step's text (`paul@contoso.example/Customers (user, eligible)`), or null. */
export function deliveredFolder(detail: string): string | null {
  return DELIVERED.exec(detail)?.[2] ?? null;
}

/** `lena@contoso.example` as a class names the person: Lena. */
function personOf(address: string): string {
  const local = address.split('@')[0] ?? address;
  return local.charAt(0).toUpperCase() + local.slice(1);
}

function mailboxOrStay(ctx: MessageContext, address: string, previous: string): string {
  return ctx.places.serverOf.has(address.toLowerCase()) ? mailboxPlace(address.toLowerCase()) : previous;
}

/**
 * Where a person's action on their copy (read, file, delete) leaves the dot: in their mailbox, unless the message has
 * reached CRM already (then the dot stays there: what people do with their copy no longer matters to CRM).
 */
function personal(ctx: MessageContext, mailbox: string, previous: string): string {
  return previous === CRM ? CRM : mailboxOrStay(ctx, mailbox, previous);
}

function viewOf(step: PathStep, previous: string, ctx: MessageContext): View {
  const d = step.detail;
  switch (step.step) {
    case 'submitted': {
      const from = d.replace(/^from (\S*) to .*$/, '$1');
      if (ctx.crmEmail) return at(CRM, `${from} writes an email in CRM (${d}); it waits as Pending Send until a send cycle takes it.`, ['O1', 'O2']);
      const place = mailboxOrStay(ctx, from, INTERNET);
      return at(place, place === INTERNET ? `An outside sender sends a message ${d}.` : `${from} sends a message ${d.replace(/^from \S* /, '')}.`, []);
    }
    case 'smtp-attempt': {
      const permanent = /: 5\d\d/.test(d);
      return permanent
        ? at(previous, `Exchange refuses it for good (${d}): the sender will get a bounce.`, ['X1'], 'retry')
        : at(previous, `The sending server cannot hand it over (${d}): it keeps the message in its queue and retries (X1).`, ['X1'], 'retry');
    }
    case 'accepted': {
      const first = d.split(', ')[0] ?? '';
      const server = ctx.places.serverOf.get(first.toLowerCase()) ?? ctx.places.frontServer;
      return at(server === null ? previous : serverPlace(server), d === '' ? 'The outgoing SMTP server accepts it (250 after DATA).' : `Exchange accepts it for ${d} (250 after DATA): from now on it is Exchange's to deliver.`, ['X1']);
    }
    case 'delivered': return delivered(d, previous, ctx);
    case 'reappeared':
      return at(mailboxOrStay(ctx, d.split('/')[0] ?? '', previous), `It appears again in ${d}: Safety Net resubmitted it after a failover (X2).`, ['X2']);
    case 'delay-notification': return at(previous, `The sender is told its message is delayed (${d}).`, ['X1']);
    case 'sent-copy': return at(mailboxOrStay(ctx, d.split('/')[0] ?? '', previous), `A copy stays in ${d}.`, ['O3', 'S16']);
    case 'sent-out': return at(INTERNET, `It leaves for ${d}.`, ['O1']);
    case 'outbound': {
      const failed = d.startsWith('Failed');
      return at(CRM, `The CRM email is now ${d}.`, ['O1', 'R7'], failed ? 'bounced' : null);
    }
    case 'read': return minor(at(personal(ctx, d, previous), readCaption(d, ctx), []));
    case 'moved': {
      // `${mailbox}/${folder}`: a folder's name may hold a '/', an address does not.
      const slash = d.indexOf('/');
      const [mailbox, folder] = [d.slice(0, slash), d.slice(slash + 1)];
      const caption = folder === 'Inbox'
        ? `${mailbox} moves it back to the Inbox: a reader whose watermark has passed it never takes it (S6).`
        : `${mailbox} files it into ${folder}: it is no longer in the root Inbox (S6).`;
      return at(personal(ctx, mailbox, previous), caption, ['S6']);
    }
    case 'removed': return removed(d, personal(ctx, d.split(': ')[0] ?? '', previous), readersOf(ctx));
    case 'evaluated': {
      // A copy of a message CRM already tracked, read again (another mailbox, a re-read): the dot stays in CRM.
      const view = evaluated(d);
      return previous === CRM ? { ...view, place: CRM } : view;
    }
    case 'activity-created': return created(d, ctx);
    case 'activity-deleted': return at(CRM, `Someone deletes the activity ${d} in CRM.`, ['R8']);
    case 'bounced': return at(INTERNET, `An NDR goes back to the sender (${d}).`, ['X1'], 'bounced');
    case 'untracked': return at(previous, `Never tracked: ${d}.`, untrackedRules(d), 'untracked');
    default: return at(previous, `${step.step}: ${d}`, []);
  }
}

function delivered(d: string, previous: string, ctx: MessageContext): View {
  const match = DELIVERED.exec(d);
  if (match === null) return at(previous, `Delivered: ${d}.`, []);
  const [, mailbox = '', folder = '', kind, eligible] = match;
  const place = mailboxOrStay(ctx, mailbox, previous);
  if (kind === 'forward') return at(place, `An inbox rule copies it, as an attachment, to the forward mailbox ${mailbox} (R1, R2).`, ['R1', 'R2']);
  if (folder === 'Junk') return junk(place, mailbox, readersOf(ctx));
  if (folder !== 'Inbox') {
    // Only a rule of the mailbox's own puts mail in a folder as it arrives (a person files it later: 'moved').
    return eligible === undefined
      ? at(place, `A rule in ${mailbox}'s mailbox files it into ${folder} on delivery; CRM has no use for it anyway (S9).`, ['S9'])
      : at(place, `A rule in ${mailbox}'s mailbox files it into ${folder} on delivery: it is never in the root Inbox (S6).`, ['S6']);
  }
  // Eligible says what the recipient's filter makes of it (S9), not that anyone will read this Inbox for CRM: the
  // mailbox may not be enabled yet, or be disabled, or its mail be copied to a forward mailbox instead.
  return eligible === undefined
    ? at(place, `Delivered to ${mailbox}'s Inbox; the recipient's filter leaves it out: not for CRM (S9).`, ['S9'])
    : at(place, `Delivered to ${mailbox}'s Inbox; eligible for tracking by the recipient's filter (S9).`, ['S9']);
}

/** Junk as each lane's readers see it: the router and sync read the Inbox only, and inbox rules skip junked mail. */
function junk(place: string, mailbox: string, readers: Readers): View {
  const lands = `The junk filter puts it in ${mailbox}'s Junk folder`;
  if (readers.router && readers.sss) return at(place, `${lands}: neither the router nor sync reads Junk (S6).`, ['S6']);
  if (readers.router) {
    return readers.forward
      ? at(place, `${lands}: inbox rules do not copy junked mail to the forward mailbox, and the router reads only the Inbox (R2, S6).`, ['R2', 'S6'])
      : at(place, `${lands}: the router reads only the Inbox (S6).`, ['S6']);
  }
  if (readers.sss) return at(place, `${lands}: sync reads only the root Inbox (S6).`, ['S6']);
  return at(place, `${lands}.`, []);
}

/** A person reading their mail: nothing to do with the router or sync reading the mailbox. */
function readCaption(mailbox: string, ctx: MessageContext): string {
  const queue = ctx.places.places.some((p) => p.id === mailboxPlace(mailbox.toLowerCase()) && p.kind === 'queue-mailbox');
  return queue ? `Someone opens it in the ${mailbox} queue mailbox; reading it changes nothing for CRM.`
    : `${personOf(mailbox)} opens it in Outlook (${mailbox}); reading it changes nothing for CRM.`;
}

function removed(d: string, previous: string, readers: Readers): View {
  const [mailbox = '', cause = ''] = d.split(': ');
  switch (cause) {
    // A copy leaving a mailbox by design or by its owner changes no counter: the message keeps its colour.
    case 'processed': {
      // The router's "delete messages in forward mailbox after processing" (R10); sync's "Delete Emails After
      // Processing" on forward and queue mailboxes (S1).
      const rules = readers.router && readers.sss ? ['R10', 'S1'] : readers.sss ? ['S1'] : ['R10'];
      return minor(at(previous, `The processed copy is deleted from ${mailbox} (${rules.join(', ')}).`, rules));
    }
    case 'rolled-back': return at(previous, `A restore without log replay rolls ${mailbox}'s copy back: it is gone (X3).`, ['X3'], 'lost');
    default: return at(previous, `${mailbox} deletes it.`, ['S6']);
  }
}

function evaluated(d: string): View {
  const caller = d.split(':')[0] ?? '';
  const code = Number(/reason (-?\d+)/.exec(d)?.[1] ?? NaN);
  const place = caller === ROUTER ? ROUTER : caller === SSS ? SSS : CRM;
  const who = caller === ROUTER ? 'The router' : caller === SSS ? 'Server-side sync' : caller === 'outlook' ? 'Outlook'
    : caller === APP_FOR_OUTLOOK ? 'The App for Outlook' : caller;
  const name = reasonName(code);
  const mark: StepMark | null = code === REASON_DUPLICATE ? 'duplicate-prevented' : TOSSED_REASON_CODES.has(code) ? 'tossed' : null;
  const outcome = code === REASON_DUPLICATE
    ? 'Duplicate: CRM already has this Message-ID, so no second activity (S8).'
    : TOSSED_REASON_CODES.has(code) ? `${name}: CRM does not want it, by design (S8, S9).` : `${name}: CRM takes it (S9, S10).`;
  const rules = caller === 'outlook' ? ['C1', 'S8'] : caller === APP_FOR_OUTLOOK ? ['C4', 'S8'] : ['S8', 'S9', 'S10'];
  return { place, caption: `${who} asks CRM about it (CheckIncomingEmail): ${outcome}`, rules, mark, reason: { code, name } };
}

/** The ledger's activity-created text (sim/ledger/step-kinds.ts): `email-1 incoming by router read from crm@... for paul@... in crm`. */
const CREATED = /^(\S+) (\S+) by (\S+)(?: read from (\S+)(?: for (\S+))?)?(?: in (\S+))?$/;

function created(d: string, ctx: MessageContext): View {
  const [, id = d, direction = '', by = '', from, owner] = CREATED.exec(d) ?? [];
  // The router read the forward mailbox (R2) or the person's own Inbox, on Email Router access (R4).
  const viaForward = from !== undefined && ctx.places.places.some((p) => p.id === mailboxPlace(from.toLowerCase()) && p.kind === 'forward-mailbox');
  const rules = by === ROUTER ? [viaForward ? 'R2' : 'R4', 'S8'] : by === SSS ? ['S5', 'S8'] : by === 'outlook' ? ['C1'] : by === APP_FOR_OUTLOOK ? ['C4'] : ['O1'];
  // `read from` is the mailbox read, not the sender; `for` the user or queue that owns the activity.
  const reader = by === ROUTER ? 'read by the router' : by === SSS ? 'read by server-side sync' : by === 'outlook' ? 'tracked in Outlook'
    : by === APP_FOR_OUTLOOK ? 'tracked with the App for Outlook' : `by ${by}`;
  const where = from === undefined ? '' : viaForward ? `, ${reader} in the forward mailbox ${from}` : `, ${reader} in ${from}'s mailbox`;
  const whose = owner === undefined ? '' : ` for ${owner}`;
  return at(CRM, `CRM creates the ${direction === '' ? '' : `${direction} `}email activity ${id}${whose}${where} (${rules.join(', ')}).`, rules, 'tracked');
}

function untrackedRules(reason: string): string[] {
  if (reason.includes('process-email-from')) return ['S2a'];
  if (reason.includes('inbox') || reason.includes('deleted') || reason.includes('watermark')) return ['S6'];
  if (reason.includes('router-stopped')) return ['R14'];
  if (reason.includes('disabled')) return ['S4'];
  if (reason.includes('rolled-back')) return ['X3'];
  return [];
}
