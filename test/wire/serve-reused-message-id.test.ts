// `mailflow serve`: an engineer's mailer that gives two different messages one Message-ID. CRM answers the second
// Duplicate (S8) and never tracks it; the session says so, where before the second folded into the first's life and
// every check passed. The same message sent again (same From and Subject) stays one message.
import { afterEach, describe, expect, it } from 'vitest';
import { crmScenario } from '../helpers/crm-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { MESSAGE_ID_REUSED, reusedMessageIdKey } from '../../fakes/mail/reused-message-id.js';
import { portOf, poolTo } from './wire-fixtures.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

const ID = '<fixed-id@mailer.example>';

describe('serve: a client reusing a Message-ID', () => {
  it('gives the second different message a life of its own, untracked as message-id-reused, and a resend none', async () => {
    session = await startServe(crmScenario({
      drain: '1h',
      users: '\n    - { address: paul@contoso.example, incoming: email-router, filter: all }\n    - { address: anna@contoso.example, incoming: none }',
      sss: '{ profiles: [{ name: exchange, server: ex1 }], enabled: all }', faults: '[{ at: 0s, verb: switchToServerSideSync, target: crm }]',
    }), { smtpPort: 0, timeScale: 600 });
    const pool = poolTo(portOf(session));
    const send = (subject: string) => pool.sendMail({ from: 'news@mailer.example', to: 'paul@contoso.example', subject, text: subject, messageId: ID });
    await send('April issue');
    await send('April issue'); // the same message again: a retry, one life
    await send('May issue');
    pool.close();
    const outcome = await session.stop();
    session = null;

    const april = outcome.ledger.get(ID);
    const may = outcome.ledger.get(reusedMessageIdKey(ID, 2));
    expect(april?.activities).toHaveLength(1);
    expect(may?.activities).toEqual([]);
    expect(may?.untrackedReason).toBe(MESSAGE_ID_REUSED);
    expect(outcome.counts).toMatchObject({ sent: 2, accepted: 2, untracked: 1, untrackedByReason: { [MESSAGE_ID_REUSED]: 1 }, lost: 0 });
    expect(outcome.checks.find((c) => c.name === 'no-untracked-mail')?.verdict).toBe('fail');
    expect(outcome.verdict).toBe('fail');
  });
});
