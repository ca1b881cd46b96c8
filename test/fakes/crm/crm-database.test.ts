// The CRM database's indexes: the Message-ID index per direction (S8's duplicate check, In-Reply-To correlation S10),
// duplicates that slipped in (R13) and deletes (R8), and the subject index kept only while smart matching is on (S11).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deliverIncomingEmail } from '../../../fakes/crm/check-incoming.js';
import {
  activityByMessageId, activityWithMessageId, addActivity, newCrmDatabase, removeActivity, type CrmDatabase,
} from '../../../fakes/crm/crm-database.js';
import { DEFAULT_CRM_SETTINGS } from '../../../fakes/crm/crm-config.js';
import { STATUS, smallMs, type ActivityDirection, type EmailActivity } from '../../../fakes/crm/email-activity.js';
import { PAUL, mail, testOrg } from '../../helpers/crm-org.js';

let n = 0;
function activity(direction: ActivityDirection, messageId: string | null): EmailActivity {
  return {
    activityId: `email-${++n}`, direction, statecode: 1, statuscode: STATUS.received, messageId, ledgerKey: messageId ?? `k${n}`,
    subject: 'Hello', from: 'carol@fabrikam.com', to: [PAUL], cc: [], trackingToken: null, conversationIndex: null,
    correlationMethod: 0, parentActivityId: null, regardingId: null, owner: PAUL, receivingMailbox: PAUL, acceptingEntity: PAUL,
    deliveryAttempts: 0, createdAtMs: 0, createdBy: 'test', statusSinceMs: 0,
  };
}

function add(db: CrmDatabase, a: EmailActivity): EmailActivity {
  addActivity(db, a, null);
  return a;
}

describe('the Message-ID index (S8)', () => {
  it('finds an activity by Message-ID without regard to case, only in its own direction', () => {
    const db = newCrmDatabase();
    const incoming = add(db, activity('incoming', '<A1@Fabrikam.com>'));
    expect(activityByMessageId(db, 'incoming', '<a1@fabrikam.com>')).toBe(incoming);
    expect(activityByMessageId(db, 'outgoing', '<a1@fabrikam.com>')).toBeUndefined();
    expect(activityByMessageId(db, 'incoming', null)).toBeUndefined();
    // In-Reply-To looks in both directions, the outgoing first (S10).
    const outgoing = add(db, activity('outgoing', '<a1@fabrikam.com>'));
    expect(activityWithMessageId(db, '<A1@FABRIKAM.COM>')).toBe(outgoing);
  });

  it('keeps no entry for an activity without a Message-ID', () => {
    const db = newCrmDatabase();
    add(db, activity('incoming', null));
    expect(db.byMessageId.incoming.size).toBe(0);
  });

  it('always answers the oldest remaining activity of a Message-ID, through duplicates (R13) and deletes (R8)', () => {
    // A model of the index: per Message-ID, its activities oldest first.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 0, max: 3 }), upper: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const db = newCrmDatabase();
      const live: EmailActivity[] = [];
      for (const o of ops) {
        if (o.kind === 'add') {
          const messageId = `<m${o.id}@fabrikam.com>`;
          live.push(add(db, activity('incoming', o.upper ? messageId.toUpperCase() : messageId)));
        } else if (live.length > 0) {
          const [gone] = live.splice(o.pick % live.length, 1);
          expect(removeActivity(db, gone?.activityId ?? '')).toBe(gone);
        }
      }
      for (let id = 0; id < 4; id++) {
        const messageId = `<m${id}@fabrikam.com>`;
        expect(activityByMessageId(db, 'incoming', messageId)).toBe(live.find((a) => a.messageId?.toLowerCase() === messageId));
      }
      expect(db.byMessageId.incoming.size).toBe(new Set(live.map((a) => a.messageId?.toLowerCase())).size);
    }));
  });
});

describe('the subject index (S11)', () => {
  it('stays empty while smart matching is off: no subject is hashed', () => {
    const db = newCrmDatabase();
    const org = testOrg({}, { [PAUL]: { filter: 'all' } });
    deliverIncomingEmail(org, db, { message: mail({ subject: 'Quarterly numbers' }), receivingMailbox: PAUL, caller: 'test' }, 0);
    expect(db.activities.size).toBe(1);
    expect(db.bySubjectHash.size).toBe(0);
  });

  it('gathers the activities of one subject hash, oldest first, while it is on', () => {
    const db = newCrmDatabase();
    const org = testOrg({ smartMatching: { ...DEFAULT_CRM_SETTINGS.smartMatching, enabled: true } }, { [PAUL]: { filter: 'all' } });
    const ids = ['Quarterly numbers', 'RE: quarterly numbers', 'Other'].map((subject) => {
      const result = deliverIncomingEmail(org, db, { message: mail({ subject }), receivingMailbox: PAUL, caller: 'test' }, 0);
      return result.delivered ? result.activity.activityId : '';
    });
    expect(db.bySubjectHash.get('quarterly numbers')).toEqual([ids[0], ids[1]]);
    expect(db.bySubjectHash.get('other')).toEqual([ids[2]]);
  });
});

describe('activity times', () => {
  it('are kept as the same number, whole or not', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constant(2 ** 40)), (ms) => {
      expect(smallMs(ms)).toBe(ms === 0 ? 0 : ms);
      expect(smallMs(ms) === ms).toBe(true);
    }));
  });
});
