// The counts every summary prints (design.md's table), derived from the ledger in one pass at the end of a run.
import type { Ledger } from './ledger.js';
import { visitLives, type LifeVisitor } from '../check/check-pass.js';
import { LEGITIMATE_REMOVALS, REASON_DUPLICATE, TOSSED_REASON_CODES, type MessageLife, type Placement } from './records.js';
import type { UntrackedReason } from './untracked-reasons.js';

export interface Counts {
  sent: number;
  accepted: number;
  delivered: number;
  lost: number;
  bounced: number;
  tracked: number;
  tossed: number;
  untracked: number;
  untrackedByReason: Record<string, number>;
  duplicatesPrevented: number;
  duplicates: number;
  pending: number;
}

/** The counts that are plain numbers, in the order summaries print them (expectations may name any of these). */
export const NUMERIC_COUNT_NAMES = [
  'sent', 'accepted', 'delivered', 'lost', 'bounced', 'tracked', 'tossed', 'untracked', 'duplicatesPrevented',
  'duplicates', 'pending',
] as const;
export type NumericCountName = (typeof NUMERIC_COUNT_NAMES)[number];

/** Used when a model records no reason for an untracked message; `no-silent-drop` flags it. */
export const UNEXPLAINED = 'unexplained' as const;

export function computeCounts(ledger: Ledger): Counts {
  const pass = countsPass(ledger);
  visitLives(ledger, [pass]);
  return pass.result();
}

/** The counts as a pass over the messages (sim/check/check-pass.ts), so the checkers' pass can compute them too. */
export function countsPass(ledger: Ledger): LifeVisitor & { result(): Counts } {
  const counts: Counts = {
    sent: 0, accepted: 0, delivered: 0, lost: 0, bounced: 0, tracked: 0, tossed: 0, untracked: 0,
    untrackedByReason: {}, duplicatesPrevented: 0, duplicates: 0, pending: ledger.inFlightCount,
  };
  return {
    visit(life, inFlightAt) {
      if (life.submittedAtMs !== null) counts.sent++;
      if (life.firstAcceptedAtMs !== null) counts.accepted++;
      if (life.bouncedAtMs !== null) counts.bounced++;
      counts.delivered += deliveredMailboxes(life);
      counts.tracked += life.activities.length;
      counts.duplicates += duplicateActivities(life) + duplicateDeliveries(life);
      for (const evaluation of life.evaluations) {
        if (evaluation.reasonCode === REASON_DUPLICATE) counts.duplicatesPrevented++;
        else if (TOSSED_REASON_CODES.has(evaluation.reasonCode)) counts.tossed++;
      }
      if (inFlightAt !== undefined) return;
      counts.lost += lostRecipients(life).length;
      if (isUntracked(life)) {
        counts.untracked++;
        const reason = untrackedReasonOf(life);
        counts.untrackedByReason[reason] = (counts.untrackedByReason[reason] ?? 0) + 1;
      }
    },
    result: () => counts,
  };
}

/**
 * Activities beyond the first per organisation and direction, among those not deleted in CRM (one deleted and made
 * again is not two). Internal mail tracked as two activities (S12's setting) is one per direction, and the same
 * message tracked in two organisations (R12) is one in each: neither is a duplicate.
 */
export function duplicateActivities(life: MessageLife): number {
  if (life.activities.length < 2) return 0;
  const perKind = new Map<string, number>();
  for (const activity of life.activities) {
    if (activity.deletedAtMs !== null) continue;
    const kind = `${activity.organisation ?? ''} ${activity.direction}`;
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
  }
  let extra = 0;
  for (const count of perKind.values()) extra += count - 1;
  return extra;
}

/**
 * Activities a person deleted in CRM that a later one of the same organisation and direction replaced: a router
 * reading the mail again after its state was reset or restored (R8, KB2491350). `tracked` counts both, so it can
 * exceed `sent` with no duplicate; the duplicate check's summary says how many.
 */
export function recreatedActivities(life: MessageLife): number {
  let recreated = 0;
  for (const deleted of life.activities) {
    if (deleted.deletedAtMs === null) continue;
    if (life.activities.some((a) => a !== deleted && a.organisation === deleted.organisation && a.direction === deleted.direction && a.atMs >= deleted.deletedAtMs!)) recreated++;
  }
  return recreated;
}

/** For CRM email (outbound): copies beyond the first that reached the same recipient. */
export function duplicateDeliveries(life: MessageLife): number {
  if (life.outbound === null) return 0;
  let extra = 0;
  for (const copies of life.deliveries.values()) extra += Math.max(0, copies - 1);
  return extra;
}

/**
 * Recipients the transport accepted the message for that hold no copy at the end and did not lose it to a
 * legitimate removal (a user's delete, processing by design), nor were named in an NDR to the sender (the sender
 * knows: bounced, not lost). A copy rolled back by a restore counts as lost.
 */
export function lostRecipients(life: MessageLife): string[] {
  const lost: string[] = [];
  for (const mailbox of life.acceptedMailboxes) {
    if (life.bouncedMailboxes.includes(mailbox)) continue;
    const accountedFor = life.placements.some((p) =>
      p.mailbox === mailbox && (p.removal === null || LEGITIMATE_REMOVALS.has(p.removal.cause)));
    if (!accountedFor) lost.push(mailbox);
  }
  return lost;
}

/** An eligible incoming copy exists but no path created an incoming activity. */
/** Eligible (S9), or tracked by hand (C4), and never tracked. */
export function isUntracked(life: MessageLife): boolean {
  return (life.trackRequested || life.placements.some((p) => p.eligible)) && !life.activities.some((a) => a.direction === 'incoming');
}

/**
 * The copies that should have reached CRM: the eligible ones, or, for mail only a person's track made due (its filter
 * took none of it), the copies in the mailboxes of those who tracked it.
 */
export function dueCopies(life: MessageLife): Placement[] {
  const eligible = life.placements.filter((p) => p.eligible);
  if (eligible.length > 0 || !life.trackRequested) return eligible;
  const byHand = life.trackedByHandIn;
  return life.placements.filter((p) => byHand.includes(p.mailbox));
}

export function untrackedReasonOf(life: MessageLife): UntrackedReason | typeof UNEXPLAINED {
  if (life.untrackedReason !== null) return life.untrackedReason;
  const due = dueCopies(life);
  // The forward mailbox's copy is the one the router would have read for a user on Forward Mailbox (R2): a rollback
  // of it explains the message as well as a rollback of the due copy itself does.
  const rolledBack = (p: Placement) => p.removal?.cause === 'rolled-back';
  if (due.some(rolledBack) || life.placements.some((p) => p.mailboxKind === 'forward' && rolledBack(p))) return 'rolled-back';
  // What the copies' own histories show, when no model said more: a person deleted or filed them before any path
  // looked at the message (S6). A message some path evaluated and did not track stays unexplained: a model bug. Mail
  // tracked by hand was usually evaluated already (the filter refused it: that is why the person tracks it, S9), so
  // for it only the copies' histories count.
  const byHand = !life.placements.some((p) => p.eligible);
  if (life.evaluations.length > 0 && !byHand) return UNEXPLAINED;
  // Deleted by the person, whether purged or still in Deleted Items (as the router says it too, and as a mark sync
  // promotes in any folder but Deleted Items, C4).
  if (due.every((p) => p.removal?.cause === 'user-delete' || (p.removal === null && p.folder === 'Deleted Items'))) return 'deleted-before-tracking';
  // Back in the Inbox after it was out of it (in Junk, or filed): out of it when its path looked (an inbox rule runs
  // on arrival only, and Junk is never forwarded; Outlook handles arrivals). Sync and the router say more themselves
  // (behind-watermark, before-threshold-date).
  const back = movedBackToInbox(life);
  const leftByUser = (p: Placement) => p.removal?.cause === 'user-delete' || (p.removal === null && (p.folder !== 'Inbox' || back.has(p.mailbox)));
  if (due.every(leftByUser)) return 'not-in-root-inbox';
  return UNEXPLAINED;
}

/** A step that puts a copy in a folder, read from the path's texts (the ledger keeps no other record of moves). */
interface FolderStep {
  readonly step: 'delivered' | 'moved' | 'reappeared';
  readonly atMs: number;
  readonly mailbox: string;
  readonly folder: string;
}

/**
 * The path's deliveries, moves and reappearances (a restore or Safety Net putting a copy back), with the mailbox and
 * folder each names. Texts: delivered `${mailbox}/${folder} (kind, eligible)`, reappeared `${mailbox}/${folder} (why)`,
 * moved `${mailbox}/${folder}`. Only for the few messages whose reason depends on them: it builds every step's text.
 */
function folderSteps(life: MessageLife): FolderStep[] {
  const steps: FolderStep[] = [];
  for (const { step, detail, atMs } of life.path) {
    if (step !== 'delivered' && step !== 'moved' && step !== 'reappeared') continue;
    const slash = detail.indexOf('/');
    // A delivery's tail is the ledger's own `(kind, eligible)`: the last " (" (a folder may hold one, "Inbox (old)").
    // A reappearance's is its reason, which may hold one too: the first after the folder.
    const end = step === 'moved' ? detail.length : step === 'delivered' ? detail.lastIndexOf(' (') : detail.indexOf(' (', slash);
    steps.push({ step, atMs, mailbox: detail.slice(0, slash), folder: detail.slice(slash + 1, end < 0 ? detail.length : end) });
  }
  return steps;
}

/**
 * When the copy in `mailbox` last went out of the root Inbox; minus infinity when it was never in it (a person's move
 * rule or Junk put it in a folder on arrival: no reader of the root Inbox could ever have had it); null while it is in
 * the Inbox, or was never in the mailbox.
 */
export function leftInboxAtMs(life: MessageLife, mailbox: string): number | null {
  let inInbox = false;
  let everInInbox = false;
  let leftAtMs: number | null = null;
  for (const { atMs, mailbox: where, folder } of folderSteps(life)) {
    if (where !== mailbox) continue;
    if (folder !== 'Inbox' && inInbox) leftAtMs = atMs;
    inInbox = folder === 'Inbox';
    everInInbox ||= inInbox;
  }
  if (inInbox) return null;
  return everInInbox ? leftAtMs : Number.NEGATIVE_INFINITY;
}

/** Mailboxes whose copy of the message came back to the Inbox after it had been in another folder (Junk, a folder). */
export function movedBackToInbox(life: MessageLife): Set<string> {
  const back = new Set<string>();
  if (!life.path.some((s) => s.step === 'moved')) return back;
  const away = new Set<string>();
  for (const { step, mailbox, folder } of folderSteps(life)) {
    if (step === 'reappeared') continue;
    if (folder !== 'Inbox') away.add(mailbox);
    else if (step === 'moved' && away.has(mailbox)) back.add(mailbox);
  }
  return back;
}

/** (message, mailbox) pairs placed in user and queue mailboxes: a redelivery to the same mailbox counts once. */
export function deliveredMailboxes(life: MessageLife): number {
  if (life.placements.length === 1) return life.placements[0]?.mailboxKind === 'forward' ? 0 : 1;
  return new Set(life.placements.filter((p) => p.mailboxKind !== 'forward').map((p) => p.mailbox)).size;
}
