// The known-bad race scenarios say in their headers how to fix them: with DeliverIncomingEmail (and
// DeliverPromoteEmail) repeating the duplicate check, every race ends in one activity and a Duplicate (R13, S8).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import { runScenario } from '../../harness/run/run-scenario.js';

const RACES = ['crm-check-deliver-race', 'outlook-track-races-router'];

describe('known-bad race scenarios', () => {
  for (const name of RACES) {
    it(`${name}: tracks messages twice as shipped, and once each with deliverRechecksDuplicate`, () => {
      const text = readFileSync(fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url)), 'utf8');
      expect(text).toContain('deliverRechecksDuplicate: false');
      const shipped = runScenario(parseScenarioText(text, `${name}.yaml`));
      expect(shipped.counts.duplicates).toBeGreaterThan(0);
      const fixed = runScenario(parseScenarioText(text.replace('deliverRechecksDuplicate: false', 'deliverRechecksDuplicate: true'), `${name}-fixed.yaml`));
      expect(fixed.counts.duplicates).toBe(0);
      // The races still happen; they end as Duplicates instead: nothing lost, untracked or left pending.
      expect(fixed.counts.duplicatesPrevented).toBeGreaterThan(shipped.counts.duplicatesPrevented);
      expect(fixed.checks.find((c) => c.name === 'no-duplicate-activity')?.verdict).toBe('pass');
      expect([fixed.counts.lost, fixed.counts.untracked, fixed.counts.pending]).toEqual([0, 0, 0]);
    });
  }
});
