// One email, several Message-IDs: a wire client that lost a 250 and sent the message again built anew (the ledger's
// `resend-of` / `resent-as` steps, fakes/wire/resend-chains.ts). CRM de-duplicates by Message-ID only (S8), so each
// Message-ID of the chain can become an activity, and the email's author sees it tracked twice. no-duplicate-activity
// counts a chain's activities together: one per direction (and organisation) for the email, as for one Message-ID.
// Only wire clients' messages form chains; a virtual run has none, and this pass then keeps nothing.
import type { MessageLife, PathStep } from '../ledger/records.js';
import { formatDurationMs } from '../core/format-duration.js';
import type { Offender } from './check-result.js';

interface Member {
  readonly messageId: string;
  /** Activities not deleted in CRM, as `organisation direction` -> their descriptions. */
  readonly kinds: ReadonlyMap<string, readonly string[]>;
  readonly path: readonly PathStep[];
}

/** The chains' members as a pass meets them, and at the end the chains tracked more than once. */
export class ResendChainActivities {
  private readonly chains = new Map<string, Member[]>();

  visit(life: MessageLife): void {
    const first = life.resendOf ?? (life.resentAs.length > 0 ? life.messageId : null);
    if (first === null) return;
    const kinds = new Map<string, string[]>();
    for (const a of life.activities) {
      if (a.deletedAtMs !== null) continue;
      const kind = `${a.organisation ?? ''} ${a.direction}`;
      const described = `${a.activityId} (${a.direction}, ${a.createdBy} at ${formatDurationMs(a.atMs)})`;
      kinds.set(kind, [...kinds.get(kind) ?? [], described]);
    }
    let members = this.chains.get(first);
    if (members === undefined) this.chains.set(first, (members = []));
    members.push({ messageId: life.messageId, kinds, path: life.path });
  }

  /**
   * Each chain tracked under more than one of its Message-IDs, with the activities beyond the first per kind that
   * only the chain makes duplicates (two under one Message-ID are counted per message already).
   */
  *trackedTwice(): IterableIterator<{ offender: Offender; extra: number }> {
    for (const [first, members] of this.chains) {
      const kinds = new Set(members.flatMap((m) => [...m.kinds.keys()]));
      let extra = 0;
      for (const kind of kinds) extra += Math.max(0, members.filter((m) => m.kinds.has(kind)).length - 1);
      if (extra === 0) continue;
      const tracked = members.filter((m) => m.kinds.size > 0);
      const ids = tracked.map((m) => m.messageId);
      const activities = tracked.map((m) => `${[...m.kinds.values()].flat().join(', ')} for ${m.messageId}`);
      const detail = `one email sent as ${ids.join(' and again as ')}: its client lost the 250 after DATA and sent it again `
        + 'with a new Message-ID (the same From, recipients, Subject and body), and CRM de-duplicates by Message-ID only '
        + `(S8), so it tracked each: activities ${activities.join('; ')}. A client that keeps the Message-ID for its `
        + 'retries (nodemailer: set messageId) is tracked once';
      const firstPath = members.find((m) => m.messageId === first)?.path ?? members[0]?.path ?? [];
      yield { offender: { messageId: first, detail, path: firstPath }, extra };
    }
  }
}
