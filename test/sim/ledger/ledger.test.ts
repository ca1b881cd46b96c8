import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { factString } from '../../../sim/core/trace.js';

describe('Ledger', () => {
  it('knows without a replay whether a message ever had an incoming activity, as its activities say', () => {
    const ledger = new Ledger(() => 0);
    ledger.submitted('<in@x>', 'a@x', ['b@y']);
    ledger.submitted('<out@y>', 'b@y', ['a@x']);
    ledger.activityCreated('<out@y>', 'email-1', 'outgoing', 'outbound');
    expect(ledger.hasIncomingActivity('<in@x>')).toBe(false);
    expect(ledger.hasIncomingActivity('<out@y>')).toBe(false);
    expect(ledger.hasIncomingActivity('<never@x>')).toBe(false);
    ledger.activityCreated('<in@x>', 'email-2', 'incoming', 'sss');
    expect(ledger.hasIncomingActivity('<in@x>')).toBe(true);
    // Deleted later, it still counts, as `activities` keeps it.
    ledger.activityDeleted('<in@x>', 'email-2');
    expect(ledger.hasIncomingActivity('<in@x>')).toBe(true);
    expect(ledger.get('<in@x>')!.activities.some((a) => a.direction === 'incoming')).toBe(true);
    // The bit is not a step kind: the path and the other readers are as before.
    expect(ledger.get('<in@x>')!.path.map((s) => s.step)).toEqual(['submitted', 'activity-created', 'activity-deleted']);
  });

  it('keeps every step kind as its text, traces `${messageId} ${text}`, and replays the life from the steps', () => {
    let now = 0;
    const traced: string[] = [];
    const ledger = new Ledger(() => now, (step, writer, ref) => traced.push(`${step}: ${factString(writer, ref)}`));
    const id = '<m@x>';
    ledger.submitted(id, 'a@x', ['b@y', 'c@y']);
    ledger.smtpAttempt(id, 'rcpt', '451 4.3.2 try later');
    now = 10;
    ledger.accepted(id, ['b@y', 'c@y']);
    ledger.delivered(id, 'b@y', 'user', 'Inbox', true);
    ledger.delivered(id, 'fwd@y', 'forward', 'Inbox', false);
    ledger.sentCopy(id, 'a@x');
    ledger.sentOut(id, 'Out@Z');
    ledger.sentOut(id, 'out@z', 'again: Safety Net');
    ledger.outboundStatus(id, 'Sending', 1);
    now = 20;
    ledger.read(id, 'b@y');
    ledger.moved(id, 'b@y', 'Archive');
    ledger.removed(id, 'b@y', 'rolled-back');
    ledger.reappeared(id, 'b@y', 'user', 'Inbox', true, 'restored in db1');
    ledger.delayNotified(id, 'still queued after 14400000 ms');
    ledger.evaluated(id, 'sss', 6, { correlationMethod: 4, correlatedWith: { activityId: 'email-1', messageId: '<e@x>' }, acceptingEntity: 'b@y' });
    ledger.evaluated(id, 'router', 0);
    ledger.activityCreated(id, 'email-2', 'incoming', 'sss', { receivingMailbox: 'b@y', acceptingEntity: 'q@y', organisation: 'crm' });
    now = 30;
    ledger.activityDeleted(id, 'email-2');
    ledger.bounced(id, 'NDR: expired', ['c@y']);
    ledger.untracked(id, 'crm-error');
    ledger.outboundStatus(id, 'Sent', 2);

    const life = ledger.get(id)!;
    const texts = life.path.map((s) => `${s.step}: ${s.detail}`);
    expect(texts).toEqual([
      'submitted: from a@x to b@y, c@y',
      'smtp-attempt: rcpt: 451 4.3.2 try later',
      'accepted: b@y, c@y',
      'delivered: b@y/Inbox (user, eligible)',
      'delivered: fwd@y/Inbox (forward)',
      'sent-copy: a@x/Sent Items',
      'sent-out: Out@Z',
      'sent-out: out@z (again: Safety Net)',
      'outbound: Sending (attempts 1)',
      'read: b@y',
      'moved: b@y/Archive',
      'removed: b@y: rolled-back',
      'reappeared: b@y/Inbox (restored in db1)',
      'delay-notification: still queued after 14400000 ms',
      'evaluated: sss: reason 6, correlation 4 with email-1 (<e@x>), accepted by b@y',
      'evaluated: router: reason 0',
      'activity-created: email-2 incoming by sss read from b@y for q@y in crm',
      'activity-deleted: email-2',
      'bounced: NDR: expired',
      'untracked: crm-error',
      'outbound: Sent (attempts 2)',
    ]);
    expect(traced).toEqual(texts.map((t) => t.replace(': ', `: ${id} `)));
    expect(life.path.map((s) => s.atMs)).toEqual([0, 0, 10, 10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20, 20, 20, 30, 30, 30, 30]);

    expect([life.submittedAtMs, life.firstAcceptedAtMs, life.bouncedAtMs]).toEqual([0, 10, 30]);
    expect(life.acceptedMailboxes).toEqual(['b@y', 'c@y']);
    expect(life.bouncedMailboxes).toEqual(['c@y']);
    expect(life.placements).toEqual([
      { mailbox: 'b@y', mailboxKind: 'user', folder: 'Archive', deliveredAtMs: 10, eligible: true, removal: { atMs: 20, cause: 'rolled-back' } },
      { mailbox: 'fwd@y', mailboxKind: 'forward', folder: 'Inbox', deliveredAtMs: 10, eligible: false, removal: null },
      { mailbox: 'b@y', mailboxKind: 'user', folder: 'Inbox', deliveredAtMs: 20, eligible: true, removal: null },
    ]);
    // A restore is not a second delivery; a forward mailbox's copy is not one; hand-overs count per recipient.
    expect([...life.deliveries]).toEqual([['b@y', 1], ['out@z', 2]]);
    expect(life.outbound).toEqual({ status: 'Sent', attempts: 2 });
    expect(life.untrackedReason).toBe('crm-error');
    expect(life.evaluations).toEqual([
      { atMs: 20, caller: 'sss', reasonCode: 6, correlationMethod: 4, acceptingEntity: 'b@y', correlatedWith: { activityId: 'email-1', messageId: '<e@x>' } },
      { atMs: 20, caller: 'router', reasonCode: 0, correlationMethod: null, acceptingEntity: null, correlatedWith: null },
    ]);
    expect(life.activities).toEqual([{
      activityId: 'email-2', direction: 'incoming', atMs: 20, createdBy: 'sss', receivingMailbox: 'b@y', acceptingEntity: 'q@y',
      deletedAtMs: 30, organisation: 'crm',
    }]);
  });

  it('a view reads steps recorded after it was made', () => {
    const ledger = new Ledger(() => 5);
    ledger.submitted('<m@x>', 'a@x', ['b@y']);
    const life = ledger.get('<m@x>')!;
    expect(life.activities).toEqual([]);
    ledger.activityCreated('<m@x>', 'email-1', 'incoming', 'router');
    expect(life.activities.map((a) => a.activityId)).toEqual(['email-1']);
    expect(life.path).toHaveLength(2);
  });

  it('refuses to move a copy or delete an activity that is not there, recording nothing', () => {
    const ledger = new Ledger(() => 0);
    ledger.delivered('<m@x>', 'b@y', 'user', 'Inbox', true);
    ledger.removed('<m@x>', 'b@y', 'user-delete');
    expect(() => ledger.moved('<m@x>', 'b@y', 'Archive')).toThrow(/no copy in b@y/);
    expect(() => ledger.activityDeleted('<m@x>', 'email-9')).toThrow(/no activity email-9/);
    expect(ledger.get('<m@x>')!.path).toHaveLength(2);
  });
});
