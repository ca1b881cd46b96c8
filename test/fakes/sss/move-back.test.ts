// S6: server-side sync reads the root Inbox behind a watermark, the received time of the last item it processed. A
// message that was in Junk when later mail was processed stays behind the watermark: moved back to the Inbox
// (`users.moveBack`, "Not junk"), it is still never processed, and the run says so (`behind-watermark`). Moved back
// before any later mail was processed, it is tracked as usual.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import type { MessageLife } from '../../../sim/ledger/records.js';

const ANNA = 'anna@contoso.example';

/** One user on server-side sync; all Internet mail lands in Junk, and she moves every message back, some day. */
function junkScenario(seed: number, moveBack = '{ probability: 1, meanDelay: 20m }'): string {
  return `kind: scenario
name: move-back
seed: ${seed}
start: 2026-01-05T08:00:00Z
horizon: 6h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: ${ANNA}, database: db1 }]
  settings: { junkProbability: 1 }
internet:
  senders: [{ name: fabrikam, domain: fabrikam.example }]
traffic:
  generators:
    - { name: carol, sender: fabrikam, ratePerHour: 6, to: all-users, until: 4h }
users:
  moveBack: ${moveBack}
crm:
  users:
    - { address: ${ANNA}, incoming: email-router, outgoing: email-router, filter: all }
sss:
  profiles: [{ name: exchange, server: ex1, processEmailFrom: -1d }]
  enabled: all
faults:
  - { at: 0s, verb: switchToServerSideSync, target: crm }
`;
}

const deliveredAt = (life: MessageLife): number => life.path.find((s) => s.step === 'delivered')?.atMs ?? NaN;
const movedBackAt = (life: MessageLife): number | undefined => life.path.find((s) => s.step === 'moved' && s.detail === `${ANNA}/Inbox`)?.atMs;
const trackedAt = (life: MessageLife): number | undefined => life.activities[0]?.atMs;

describe('mail moved back to the Inbox (S6)', () => {
  it('is tracked if it came back before later mail was processed, and never if it came back after', () => {
    let before = 0;
    let after = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const outcome = runScenario(parseScenarioText(junkScenario(seed), 'move-back.yaml'));
      const lives = [...outcome.ledger.messages()];
      expect(lives.length).toBeGreaterThan(10);
      for (const life of lives) {
        const back = movedBackAt(life);
        if (back === undefined) continue; // moved back after the run's end
        const received = deliveredAt(life);
        const later = lives.filter((other) => deliveredAt(other) > received);
        // Later mail processed before it came back: the watermark had passed it.
        if (later.some((other) => (trackedAt(other) ?? Infinity) < back)) {
          expect(life.activities, life.messageId).toEqual([]);
          expect(life.untrackedReason, life.messageId).toBe('behind-watermark');
          after++;
        }
        // Back before any later mail came back: nothing later can have been processed first.
        if (later.every((other) => (movedBackAt(other) ?? Infinity) > back)) {
          expect(trackedAt(life), life.messageId).toBeGreaterThan(back);
          before++;
        }
      }
    }
    // Both cases really occur in these runs.
    expect(before).toBeGreaterThan(5);
    expect(after).toBeGreaterThan(5);
  });

  it('leaves Junk alone, and draws nothing, while nobody moves mail back', () => {
    const outcome = runScenario(parseScenarioText(junkScenario(3, '{ probability: 0 }'), 'move-back.yaml'));
    expect(outcome.counts.tracked).toBe(0);
    expect(outcome.counts.untrackedByReason).toEqual({ 'not-in-root-inbox': outcome.counts.sent });
    // The same world without a users section (no people at all): the same counts, so Junk notices drew nothing from
    // the world's random stream (a draw would shift every later one, the traffic's among them).
    const without = runScenario(parseScenarioText(junkScenario(3, '{ probability: 0 }').replace(/users:\n {2}moveBack: .*\n/, ''), 'move-back.yaml'));
    expect(without.counts).toEqual(outcome.counts);
  });

  it('is explained on the other paths too: the router (inbox rules run on arrival only) and Outlook', () => {
    for (const name of ['baseline-router', 'crm-outlook-and-outbound']) {
      const text = readFileSync(join(repoRoot, 'scenarios', `${name}.yaml`), 'utf8')
        .replace(/^exchange:\n/m, 'exchange:\n  settings: { junkProbability: 0.3 }\n')
        .replace(/^users:\n/m, 'users:\n  moveBack: { probability: 1, meanDelay: 20m }\n');
      const outcome = runScenario(parseScenarioText(text, `${name}.yaml`));
      const movedBack = [...outcome.ledger.messages()].filter((life) => life.path.some((s) => s.step === 'moved' && s.detail.endsWith('/Inbox')));
      expect(movedBack.length, name).toBeGreaterThan(0);
      expect(outcome.counts.untrackedByReason['unexplained'], name).toBeUndefined();
      expect(outcome.checks.find((c) => c.name === 'no-silent-drop')?.verdict, name).toBe('pass');
    }
  });
});
