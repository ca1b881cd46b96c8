// X5, R8: a backup of SystemState.xml restored after the file is lost puts every ThresholdDate back to the backup's:
// the router reads again only what came since (CRM answers Duplicate, S8), where a lost file without a backup makes
// it read everything. A restore with no backup old enough is refused when the scenario is read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { REASON } from '../../../fakes/crm/reason-codes.js';
import { inputProblems } from '../../helpers/input-problems.js';

const SHIPPED = readFileSync('scenarios/router-state-restored.yaml', 'utf8');
const HOUR = 3_600_000;

function rereadAfterTheRestart(text: string): { readAgain: number[]; duplicates: number } {
  const run = runScenario(parseScenarioText(text, 'restored.yaml'));
  // Anna's mail answered Duplicate after the restart: when each message was received.
  const readAgain = [...run.ledger.messages()]
    .filter((life) => life.evaluations.some((e) => e.reasonCode === REASON.duplicate && e.atMs >= 5.5 * HOUR))
    .map((life) => life.placements.find((p) => p.mailbox === 'anna@contoso.example')?.deliveredAtMs ?? -1);
  return { readAgain, duplicates: run.counts.duplicates };
}

describe('SystemState.xml backups (X5)', () => {
  it('restored, send the router back to the backup\'s ThresholdDate: it reads again only what came since', () => {
    const restored = rereadAfterTheRestart(SHIPPED);
    expect(restored.readAgain.length).toBeGreaterThan(0);
    expect(Math.min(...restored.readAgain)).toBeGreaterThanOrEqual(1 * HOUR - 5 * 60_000);
    expect(restored.duplicates).toBe(0);
    // Without the restore, the lost file makes every provider start from 0001-01-01: all of Anna's mail again.
    const lost = rereadAfterTheRestart(SHIPPED.replace(/^ {2}- \{ at: 5h30m, verb: restoreState.*\n/m, ''));
    expect(Math.min(...lost.readAgain)).toBeLessThan(1 * HOUR - 5 * 60_000);
    expect(lost.readAgain.length).toBeGreaterThan(restored.readAgain.length);
  });

  it('refuse, when the scenario is read, a restore with no backup at or before backupAt, or from after the restore', () => {
    expect(inputProblems(SHIPPED.replace('backupAt: 1h', 'backupAt: 30m'))).toEqual([
      "faults[3]: no backupState of 'router' at or before 30m: the restore would find none and change nothing",
    ]);
    expect(inputProblems(SHIPPED.replace('backupAt: 1h', 'backupAt: 6h'))).toEqual([
      'faults[3].backupAt: 6h is after the restore itself (5h 30m): backupAt names a backup already taken',
    ]);
  });
});
