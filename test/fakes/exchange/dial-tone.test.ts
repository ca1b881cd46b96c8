// Dial-tone recovery (X3, X4): after Setup /m:RecoverServer the users' empty database takes mail at once; the restore
// of the old database, with or without log replay, merges that mail back in. Server-side sync reads the users' Inbox
// throughout, so the tests also show what its watermark (S6) makes of the merged items: tracked once.
import { describe, expect, it } from 'vitest';
import { runCrm } from '../../helpers/crm-scenario.js';
import { mergeDialTone } from '../../../fakes/exchange/dial-tone.js';
import type { StoreItem } from '../../../fakes/exchange/mailbox-store.js';
import type { MessageLife } from '../../../sim/ledger/records.js';
import type { MailMessage } from '../../../fakes/mail/mail-message.js';

const MIN = 60_000;
const RECOVERED_AT = 80 * MIN;
const RESTORED_AT = 110 * MIN;
const BACKUP_AT = 30 * MIN;
const LOST_AT = 60 * MIN;

/** The server is lost at 60m with inbound mail still flowing (no stopInbound), rebuilt at 80m, restored at 110m. */
const recovered = (replayLogs: boolean) => runCrm({
  users: `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: email-router, filter: all }`,
  sss: '{ profiles: [{ name: exchange, server: ex1 }], enabled: all }',
  traffic: '{ generators: [{ name: orders, sender: fabrikam, ratePerHour: 30, to: [paul@contoso.example, anna@contoso.example], until: 3h }] }',
  faults: `
    - { at: 0s, verb: switchToServerSideSync, target: crm }
    - { at: 30m, verb: backup, target: ex1, database: db1 }
    - { at: 60m, verb: down, target: ex1 }
    - { at: 80m, verb: recoverServer, target: ex1 }
    - { at: 110m, verb: dismount, target: ex1, database: db1 }
    - { at: 110m, verb: restore, target: ex1, database: db1, backupAt: 30m, replayLogs: ${replayLogs} }
    - { at: 111m, verb: mount, target: ex1, database: db1 }`,
});

const deliveredBetween = (lives: Iterable<MessageLife>, fromMs: number, toMs: number): MessageLife[] =>
  [...lives].filter((life) => life.placements.some((p) => p.deliveredAtMs >= fromMs && p.deliveredAtMs < toMs));

describe('a restore after Setup /m:RecoverServer (X3 dial-tone recovery)', () => {
  it('with log replay keeps the mail the dial-tone database received, and server-side sync tracks each once', () => {
    const outcome = recovered(true);
    const dialTone = deliveredBetween(outcome.ledger.messages(), RECOVERED_AT, RESTORED_AT);
    expect(dialTone.length).toBeGreaterThan(10);
    // Some were processed in the dial-tone database before the restore, some only after the mount: the merged items
    // keep their received time and store id, so the watermark (S6) neither skips nor re-reads either kind.
    const trackedAt = dialTone.map((life) => life.activities[0]?.atMs ?? -1);
    expect(trackedAt.some((t) => t >= 0 && t < RESTORED_AT)).toBe(true);
    expect(trackedAt.some((t) => t > RESTORED_AT)).toBe(true);
    for (const life of dialTone) {
      expect(life.placements.map((p) => p.removal)).toEqual([null]);
      expect(life.activities).toMatchObject([{ createdBy: 'sss' }]);
      expect(life.evaluations).toHaveLength(1);
    }
    expect(outcome.counts).toMatchObject({ lost: 0, untracked: 0, duplicates: 0, pending: 0 });
  });

  it('without log replay loses what came between the backup and the loss, but keeps the dial-tone mail', () => {
    const outcome = recovered(false);
    const lost = outcome.checks.find((c) => c.name === 'no-lost-mail')!.offenders;
    expect(lost.length).toBeGreaterThan(0);
    for (const offender of lost) {
      const deliveredAt = offender.path.find((s) => s.step === 'delivered')!.atMs;
      expect(deliveredAt).toBeGreaterThan(BACKUP_AT);
      expect(deliveredAt).toBeLessThan(LOST_AT);
    }
    const dialTone = deliveredBetween(outcome.ledger.messages(), RECOVERED_AT, RESTORED_AT);
    expect(dialTone.length).toBeGreaterThan(10);
    for (const life of dialTone) expect(life.placements.map((p) => p.removal)).toEqual([null]);
    expect(outcome.counts.lost).toBe(lost.length);
  });
});

describe('mergeDialTone', () => {
  const item = (storeId: number, receivedAtMs: number, folder = 'Inbox'): StoreItem => {
    const message: MailMessage = { key: `<m${storeId}@x>`, messageId: `<m${storeId}@x>`, from: 'carol@x', to: ['a@x'], cc: [], subject: 's', sizeBytes: 1 };
    return { storeId, key: message.key, messageId: message.messageId, message, folder, receivedAtMs };
  };

  it('puts the restored items first and keeps an item both hold once, as the dial-tone database has it now', () => {
    const merged = mergeDialTone(
      new Map([['a', [item(1, 10), item(2, 20)]], ['b', [item(3, 30)]]]),
      new Map([['a', [item(2, 20, 'Filed'), item(7, 70)]], ['c', [item(8, 80)]]]),
    );
    expect([...merged.items].map(([mailbox, list]) => [mailbox, list.map((i) => `${i.storeId}${i.folder[0]}`)])).toEqual([
      ['a', ['1I', '2F', '7I']], ['b', ['3I']], ['c', ['8I']],
    ]);
    expect(merged.inOrder).toBe(true);
  });

  it('says when a list is no longer in order, so readers scan it', () => {
    expect(mergeDialTone(new Map([['a', [item(5, 50)]]]), new Map([['a', [item(4, 40)]]])).inOrder).toBe(false);
  });
});
