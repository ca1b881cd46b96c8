import { describe, expect, it } from 'vitest';
import { computeCounts, UNEXPLAINED } from '../../../sim/ledger/counts.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';

describe('computeCounts', () => {
  it('counts a clean life: sent, accepted, delivered, tracked once', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m1@x>');
    ledger.evaluated('<m1@x>', 'router', 6);
    ledger.activityCreated('<m1@x>', 'a1', 'incoming', 'router');
    expect(computeCounts(ledger)).toMatchObject({
      sent: 1, accepted: 1, delivered: 1, lost: 0, tracked: 1, duplicates: 0, untracked: 0, tossed: 0, pending: 0,
    });
  });

  it('excludes forward-mailbox copies from delivered', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m1@x>');
    ledger.delivered('<m1@x>', 'crm-forward', 'forward', 'Inbox', false);
    expect(computeCounts(ledger).delivered).toBe(1);
  });

  it('treats a user delete and processing as legitimate, a rollback as loss (X3)', () => {
    const { ledger } = manualLedger();
    for (const id of ['<deleted@x>', '<processed@x>', '<rolled@x>']) deliver(ledger, id);
    ledger.removed('<deleted@x>', 'alice', 'user-delete');
    ledger.removed('<processed@x>', 'alice', 'processed');
    ledger.removed('<rolled@x>', 'alice', 'rolled-back');
    const counts = computeCounts(ledger);
    expect(counts.lost).toBe(1);
    expect(counts.untrackedByReason).toEqual({ 'rolled-back': 1, 'deleted-before-tracking': 1, [UNEXPLAINED]: 1 });
  });

  it('explains untracked mail whose forward-mailbox copy was rolled back as rolled-back (R2, X2)', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<fw@x>');
    ledger.delivered('<fw@x>', 'crm-forward', 'forward', 'Inbox', false);
    ledger.removed('<fw@x>', 'crm-forward', 'rolled-back');
    expect(computeCounts(ledger).untrackedByReason).toEqual({ 'rolled-back': 1 });
  });

  it('counts a message accepted for two mailboxes but placed in one as one lost copy', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<m@x>', 's', ['alice', 'bob']);
    ledger.accepted('<m@x>', ['alice', 'bob']);
    ledger.delivered('<m@x>', 'alice', 'user', 'Inbox', false);
    expect(computeCounts(ledger).lost).toBe(1);
  });

  it('judges nothing lost or untracked while a message is still in flight, and counts it pending', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<m@x>', 's', ['alice']);
    ledger.accepted('<m@x>', ['alice']);
    ledger.setInFlight(new Map([['<m@x>', 'transport queue']]));
    expect(computeCounts(ledger)).toMatchObject({ lost: 0, untracked: 0, pending: 1 });
  });

  it('counts duplicates per direction and keeps refused evaluations apart', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m@x>');
    ledger.activityCreated('<m@x>', 'a1', 'incoming', 'router-1');
    ledger.activityCreated('<m@x>', 'a2', 'incoming', 'router-2');
    ledger.activityCreated('<m@x>', 'a3', 'outgoing', 'outbound');
    ledger.evaluated('<m@x>', 'sss', 0);
    ledger.evaluated('<m@x>', 'sss', 1);
    ledger.evaluated('<m@x>', 'sss', 6);
    ledger.bounced('<m@x>', 'NDR');
    expect(computeCounts(ledger)).toMatchObject({ tracked: 3, duplicates: 1, duplicatesPrevented: 1, tossed: 1, bounced: 1 });
  });

  it('counts duplicates per organisation: one message tracked once in each of two organisations is none', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m@x>');
    ledger.activityCreated('<m@x>', 'a1', 'incoming', 'router', { organisation: 'crm-sales' });
    ledger.activityCreated('<m@x>', 'a1', 'incoming', 'router', { organisation: 'crm-service' });
    expect(computeCounts(ledger).duplicates).toBe(0);
    ledger.activityCreated('<m@x>', 'a2', 'incoming', 'router', { organisation: 'crm-sales' });
    expect(computeCounts(ledger).duplicates).toBe(1);
  });

  it('uses the reason a model recorded for an untracked message', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m@x>');
    ledger.untracked('<m@x>', 'not-in-root-inbox');
    expect(computeCounts(ledger).untrackedByReason).toEqual({ 'not-in-root-inbox': 1 });
  });

  it('explains an untracked message by its copies\' history when no model did: deleted, or filed out of the Inbox', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<deleted@x>');
    ledger.removed('<deleted@x>', 'alice', 'user-delete');
    deliver(ledger, '<filed@x>');
    ledger.moved('<filed@x>', 'alice', 'Projects');
    deliver(ledger, '<waiting@x>');
    // Evaluated and then filed: a path saw it and did not track it, which no filing explains.
    deliver(ledger, '<seen@x>');
    ledger.evaluated('<seen@x>', 'outlook', 1);
    ledger.moved('<seen@x>', 'alice', 'Projects');
    expect(computeCounts(ledger).untrackedByReason).toEqual({ 'deleted-before-tracking': 1, 'not-in-root-inbox': 1, unexplained: 2 });
  });

  it('explains a copy moved back to the Inbox after it was out of it like one still out, and no other copy so', () => {
    const { ledger } = manualLedger();
    // Into Junk on arrival, moved back: no inbox rule or arrival handler saw it in the Inbox (S6).
    ledger.submitted('<junk@x>', 'carol@out', ['alice']);
    ledger.accepted('<junk@x>', ['alice']);
    ledger.delivered('<junk@x>', 'alice', 'user', 'Junk', true);
    ledger.moved('<junk@x>', 'alice', 'Inbox');
    // Filed, then moved back.
    deliver(ledger, '<filed@x>');
    ledger.moved('<filed@x>', 'alice', 'Projects/2026');
    ledger.moved('<filed@x>', 'alice', 'Inbox');
    // A move to the Inbox of a copy that never left it explains nothing.
    deliver(ledger, '<stayed@x>');
    ledger.moved('<stayed@x>', 'alice', 'Inbox');
    expect(computeCounts(ledger).untrackedByReason).toEqual({ 'not-in-root-inbox': 2, unexplained: 1 });
  });

  it('files both copies of a message delivered twice into one mailbox when both are filed', () => {
    // A sender that lost the 250 after DATA sends again (X1): the mailbox holds two copies; the person files both.
    const { ledger } = manualLedger();
    deliver(ledger, '<twice@x>');
    ledger.delivered('<twice@x>', 'alice', 'user', 'Inbox', true);
    ledger.moved('<twice@x>', 'alice', 'Projects');
    ledger.moved('<twice@x>', 'alice', 'Projects');
    expect(ledger.get('<twice@x>')!.placements.map((p) => p.folder)).toEqual(['Projects', 'Projects']);
    expect(computeCounts(ledger).untrackedByReason).toEqual({ 'not-in-root-inbox': 1 });
    // One copy in Junk, one in the Inbox: the move says which folder it left, so the Inbox copy is the one filed.
    ledger.submitted('<junk-and-inbox@x>', 'carol@out', ['alice']);
    ledger.accepted('<junk-and-inbox@x>', ['alice']);
    ledger.delivered('<junk-and-inbox@x>', 'alice', 'user', 'Junk', true);
    ledger.delivered('<junk-and-inbox@x>', 'alice', 'user', 'Inbox', true);
    ledger.moved('<junk-and-inbox@x>', 'alice', 'Projects', 'Inbox');
    expect(ledger.get('<junk-and-inbox@x>')!.placements.map((p) => p.folder)).toEqual(['Junk', 'Projects']);
    expect(ledger.get('<junk-and-inbox@x>')!.path.at(-1)?.detail).toBe('alice/Projects');
  });

  it('removes the copy in the folder the removal names, of two in one mailbox', () => {
    // One copy in Junk (delivered first), one in the Inbox: processing deletes the Inbox copy; the Junk one stays.
    const { ledger } = manualLedger();
    ledger.submitted('<two@x>', 'carol@out', ['alice']);
    ledger.accepted('<two@x>', ['alice']);
    ledger.delivered('<two@x>', 'alice', 'user', 'Junk', true);
    ledger.delivered('<two@x>', 'alice', 'user', 'Inbox', true);
    ledger.removed('<two@x>', 'alice', 'processed', 'Inbox');
    const placements = ledger.get('<two@x>')!.placements;
    expect(placements.map((p) => [p.folder, p.removal?.cause ?? null])).toEqual([['Junk', null], ['Inbox', 'processed']]);
    expect(ledger.get('<two@x>')!.path.at(-1)?.detail).toBe('alice: processed');
    // Without a folder (a model that does not know it) the oldest copy goes, as before.
    ledger.removed('<two@x>', 'alice', 'rolled-back');
    expect(ledger.get('<two@x>')!.placements.map((p) => p.removal?.cause ?? null)).toEqual(['rolled-back', 'processed']);
  });

  it('counts CRM email reaching a recipient twice as a duplicate, other mail delivered twice not', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<crm-1@x>', 'paul', ['carol@out']);
    ledger.outboundStatus('<crm-1@x>', 'Pending Send', 0);
    ledger.sentOut('<crm-1@x>', 'carol@out');
    ledger.sentOut('<crm-1@x>', 'carol@out');
    ledger.sentOut('<crm-1@x>', 'dan@out');
    deliver(ledger, '<plain@x>');
    ledger.delivered('<plain@x>', 'alice', 'user', 'Inbox', true);
    expect(computeCounts(ledger).duplicates).toBe(1);
    expect(ledger.get('<crm-1@x>')?.outbound).toEqual({ status: 'Pending Send', attempts: 0 });
  });

  it('refuses to move or remove a copy that is not there (a model bug, not a run result)', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m@x>');
    expect(() => ledger.removed('<m@x>', 'bob', 'processed')).toThrow(/no copy in bob/);
  });

  it('derives the reason of mail no model explained from its copies: deleted (purged or in Deleted Items), or filed', () => {
    const { ledger } = manualLedger();
    for (const id of ['<binned@x>', '<filed@x>']) deliver(ledger, id);
    ledger.moved('<binned@x>', 'alice', 'Deleted Items');
    ledger.moved('<filed@x>', 'alice', 'Projects');
    expect(computeCounts(ledger).untrackedByReason).toEqual({ 'deleted-before-tracking': 1, 'not-in-root-inbox': 1 });
  });

  it('counts mail a person tracked by hand (C4) as untracked until it reaches CRM, whatever its filter said (S9)', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<news@x>', 'news@x', ['alice', 'bob']);
    ledger.accepted('<news@x>', ['alice', 'bob']);
    ledger.delivered('<news@x>', 'alice', 'user', 'Inbox', false);
    ledger.delivered('<news@x>', 'bob', 'user', 'Inbox', false);
    // The filter refused it: CRM evaluated it, then Alice tracked it and binned it.
    ledger.evaluated('<news@x>', 'sss', 1);
    ledger.trackRequested('<news@x>', 'alice');
    ledger.moved('<news@x>', 'alice', 'Deleted Items');
    // Bob's copy, still in his Inbox, is not due: only Alice's is, and it explains the message.
    expect(computeCounts(ledger)).toMatchObject({ untracked: 1, untrackedByReason: { 'deleted-before-tracking': 1 } });
    ledger.activityCreated('<news@x>', 'a1', 'incoming', 'app-for-outlook');
    expect(computeCounts(ledger)).toMatchObject({ untracked: 0 });
  });
});
