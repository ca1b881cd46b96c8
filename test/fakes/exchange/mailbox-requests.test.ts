// Clients' requests about one mailbox (read, delete, OrgID, a person's action): answered by the mailbox's home server, or proxied there by
// any other server (client access), whatever the case the client writes the address in (addresses are
// case-insensitive).
import { describe, expect, it } from 'vitest';
import type { ActorContext, RequestResult } from '../../../sim/core/actor.js';
import { MAILBOX_DELETE, MAILBOX_ORG, MAILBOX_READ, type ReadItem } from '../../../fakes/exchange/mailbox-access.js';
import { USER_ACTION } from '../../../fakes/exchange/user-actions.js';
import { ACT_READ, ACT_WRITE } from '../../../fakes/exchange/act-items.js';
import { MAILBOX_UNAVAILABLE, reached, type MailboxReply, type MailboxTag } from '../../../fakes/exchange/mailbox-protocol.js';
import { exchangeScenario, runExchangeWorld } from '../../helpers/exchange-scenario.js';

const TWO_SERVERS = {
  servers: '[{ name: ex1, site: hq }, { name: ex2, site: hq }]',
  databases: '[{ name: db1, server: ex1 }, { name: db2, server: ex2 }]',
  mailboxes: '[{ address: alice@contoso.example, database: db1 }, { address: bob@contoso.example, database: db2 }]',
  traffic: '{ messages: [{ at: 1m, from: carol@partner.example, to: [Bob@Contoso.example] }] }',
  horizon: '30m',
};

/** Runs the world, then asks `server` from a client actor and returns the answers in order. */
function ask(server: string, requests: Array<{ tag: string; data: unknown }>): RequestResult[] {
  const { engine } = runExchangeWorld(exchangeScenario(TWO_SERVERS));
  const answers: RequestResult[] = [];
  engine.spawn('client', (ctx: ActorContext) => ({
    onStart() {
      for (const { tag, data } of requests) answers.push(ctx.request(server, tag, data));
    },
  }), null);
  engine.run({ untilMs: engine.nowMs });
  return answers;
}

describe('mailbox requests', () => {
  for (const server of ['ex2', 'ex1']) {
    it(`reads, claims and deletes on ${server === 'ex2' ? 'the home server' : 'another server, which proxies'}, whatever the address's case`, () => {
      const [read, claim, org, removed, again] = ask(server, [
        { tag: MAILBOX_READ, data: { mailbox: 'BOB@contoso.example', folder: 'Inbox', afterStoreId: 0 } },
        { tag: MAILBOX_ORG, data: { mailbox: 'Bob@Contoso.example', set: 'crm1' } },
        { tag: MAILBOX_ORG, data: { mailbox: 'bob@contoso.example' } },
        { tag: MAILBOX_DELETE, data: { mailbox: 'Bob@contoso.example', storeId: 1 } },
        { tag: MAILBOX_READ, data: { mailbox: 'bob@contoso.example', folder: 'Inbox', afterStoreId: 0 } },
      ]);
      expect(read?.ok && (read.value as ReadItem[]).map((i) => i.storeId)).toEqual([1]);
      expect(claim?.ok && claim.value).toBe('crm1');
      expect(org?.ok && org.value).toBe('crm1');
      expect(removed?.ok && removed.value).toBe('done');
      expect(again?.ok && again.value).toEqual([]);
    });
  }

  for (const server of ['ex2', 'ex1']) {
    it(`applies a person's action on ${server === 'ex2' ? 'the home server' : 'another server, which proxies'}, whatever the address's case`, () => {
      const [filed, inbox, archive] = ask(server, [
        { tag: USER_ACTION, data: { kind: 'file', mailbox: 'Bob@Contoso.example', storeId: 1, folder: 'Archive' } },
        { tag: MAILBOX_READ, data: { mailbox: 'bob@contoso.example', folder: 'Inbox', afterStoreId: 0 } },
        { tag: MAILBOX_READ, data: { mailbox: 'bob@contoso.example', folder: 'Archive', afterStoreId: 0 } },
      ]);
      expect(filed?.ok && filed.value).toBe('done');
      expect(inbox?.ok && inbox.value).toEqual([]);
      expect(archive?.ok && (archive.value as ReadItem[]).map((i) => i.storeId)).toEqual([1]);
    });
  }

  it('answers unavailable for a mailbox nobody holds', () => {
    const [read] = ask('ex1', [{ tag: MAILBOX_READ, data: { mailbox: 'nobody@contoso.example', folder: 'Inbox', afterStoreId: 0 } }]);
    expect(read?.ok && read.value).toBe(MAILBOX_UNAVAILABLE);
    expect(reached(read as MailboxReply<ReadItem[]>)).toBe(false);
  });

  it('takes every request of the mailbox protocol as one about a mailbox, not as mail to relay', () => {
    // `satisfies` keeps this list whole: a tag added to the protocol does not compile here until it is listed.
    const requests = {
      [MAILBOX_READ]: { folder: 'Inbox', afterStoreId: 0 },
      [MAILBOX_DELETE]: { storeId: 1 },
      [MAILBOX_ORG]: {},
      [ACT_READ]: {},
      [ACT_WRITE]: { op: 'delete', itemId: 'x' },
      [USER_ACTION]: { kind: 'read', storeId: 1 },
    } satisfies Record<MailboxTag, object>;
    const answers = ask('ex1', Object.entries(requests).map(([tag, data]) => ({ tag, data: { ...data, mailbox: 'nobody@contoso.example' } })));
    expect(answers.map((answer) => answer.ok && answer.value)).toEqual(Object.keys(requests).map(() => MAILBOX_UNAVAILABLE));
  });
});
