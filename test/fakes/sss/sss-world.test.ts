// Mailboxes a scenario lists as tested and enabled before the run (`enabled`, S3): an unapproved address cannot have
// passed Test & Enable while approval is required, so it starts as that failure, not enabled (O2: its email stays
// Pending Send, fakes/crm/sender-approval.test.ts); approved addresses, and every address with approval off, start
// enabled.
import { describe, expect, it } from 'vitest';
import { crmScenario } from '../../helpers/crm-scenario.js';
import { Engine } from '../../../sim/core/engine.js';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { buildWorld } from '../../../harness/world/build-world.js';
import type { SssDurable } from '../../../fakes/sss/sss-service.js';

const USERS = `
    - { address: paul@contoso.example, incoming: email-router, outgoing: email-router }
    - { address: anna@contoso.example, incoming: email-router, outgoing: email-router, approved: false }`;

/** The service's mailbox records as the run starts (before any cycle or Test & Enable). */
function recordsAtStart(enabled: string, settings = '{}') {
  const scenario = crmScenario({
    users: USERS, settings, sss: `\n  profiles: [{ name: exchange, server: ex1 }]\n  enabled: ${enabled}\n`,
    faults: '[{ at: 0s, verb: switchToServerSideSync, target: crm }]',
  });
  const engine = new Engine({ seed: 1 });
  buildWorld(engine, new Ledger(() => engine.nowMs), scenario);
  const { records } = engine.durableOf('sss') as SssDurable;
  const of = (address: string) => {
    const r = records.get(address);
    return { enabled: r?.enabled, incoming: r?.incoming, outgoing: r?.outgoing, disabledReason: r?.disabledReason };
  };
  return { paul: of('paul@contoso.example'), anna: of('anna@contoso.example') };
}

const ENABLED = { enabled: true, incoming: 'success', outgoing: 'success', disabledReason: null };
const NOT_APPROVED = { enabled: false, incoming: 'failure', outgoing: 'failure', disabledReason: 'not approved (S3)' };

describe('mailboxes enabled before the run (S3, O2)', () => {
  it('`enabled: all` enables the approved addresses; an unapproved one starts as a failed Test & Enable', () => {
    expect(recordsAtStart('all')).toEqual({ paul: ENABLED, anna: NOT_APPROVED });
  });

  it('an unapproved address named in the list is not enabled either', () => {
    expect(recordsAtStart('[paul@contoso.example, anna@contoso.example]')).toEqual({ paul: ENABLED, anna: NOT_APPROVED });
  });

  it('with requireApproval off, every listed address starts enabled', () => {
    expect(recordsAtStart('all', '{ requireApproval: false }')).toEqual({ paul: ENABLED, anna: ENABLED });
  });
});
