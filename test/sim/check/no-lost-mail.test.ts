import { describe, expect, it } from 'vitest';
import { checkNoLostMail } from '../../../sim/check/no-lost-mail.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';

describe('no-lost-mail', () => {
  it('passes when every accepted copy is present, moved or removed on purpose', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<kept@x>');
    deliver(ledger, '<moved@x>');
    deliver(ledger, '<processed@x>');
    ledger.moved('<moved@x>', 'alice', 'Projects');
    ledger.removed('<processed@x>', 'alice', 'processed');
    expect(checkNoLostMail(ledger).verdict).toBe('pass');
  });

  it('flags the known-bad case: a copy rolled back by a restore without logs, with its path', () => {
    const { ledger, at } = manualLedger();
    deliver(ledger, '<ok@x>');
    at(5000);
    deliver(ledger, '<gone@x>');
    at(9000);
    ledger.removed('<gone@x>', 'alice', 'rolled-back');
    const result = checkNoLostMail(ledger);
    expect(result.verdict).toBe('fail');
    expect(result.offenders.map((o) => o.messageId)).toEqual(['<gone@x>']);
    expect(result.offenders[0]!.path.map((s) => s.step)).toEqual(['submitted', 'accepted', 'delivered', 'removed']);
    expect(result.offenders[0]!.path.at(-1)).toMatchObject({ atMs: 9000, detail: 'alice: rolled-back' });
  });

  it('flags mail accepted but never placed', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<m@x>', 's', ['alice']);
    ledger.accepted('<m@x>', ['alice']);
    expect(checkNoLostMail(ledger).verdict).toBe('fail');
  });

  it('says unknown, not pass, while accepted mail is still in flight', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<m@x>', 's', ['alice']);
    ledger.accepted('<m@x>', ['alice']);
    ledger.setInFlight(new Map([['<m@x>', 'transport']]));
    expect(checkNoLostMail(ledger).verdict).toBe('unknown');
  });

  it('does not count mail that was never accepted (bounced at the sender) as lost', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<m@x>', 's', ['alice']);
    ledger.bounced('<m@x>', 'expired');
    expect(checkNoLostMail(ledger).verdict).toBe('pass');
  });
});
