// docs/library.md's "Your own scenario, varied" example runs here as the page shows it: the page must show exactly
// the code between the markers, with the package imported by name where this file imports the source. The example
// holds a topology and adds an operation past the drawn horizon: it needs scenarioFromParts, horizonFor and withYaml.
import { describe, it as check, expect as checked } from 'vitest';
import { exampleIn, sectionBlocks } from './doc-blocks.js';

describe('docs/library.md, "Your own scenario, varied"', () => {
  check('shows the example this file runs', () => {
    checked(sectionBlocks('docs/library.md', 'Your own scenario, varied')[0]).toBe(exampleIn(import.meta.url));
  });
});

// ---- the example ----
import { expect, it } from 'vitest';
import fc from 'fast-check';
import {
  arbBursts, arbFault, arbProcessing, horizonFor, judgeCase, scenarioFromParts, withYaml,
  type FaultInput, type FuzzTopology,
} from '../../harness/index.js';
import { mailflowMatchers } from '../../harness/testing/vitest-matchers.js';

expect.extend(mailflowMatchers);

// Held: our organisation (one Exchange server; paul read through the router's forward mailbox, anna directly; a
// queue) and our maintenance window, ex1 down for 10 minutes at 5h. Varied: the router's settings, the traffic and
// up to two fault windows the router is built to survive.
const ours: FuzzTopology = { servers: 1, forwardMailboxUsers: [true, false], queue: true };
const maintenance: FaultInput[] = [{ at: '5h', verb: 'down', target: 'ex1' }, { at: '5h10m', verb: 'up', target: 'ex1' }];
const MAX_MESSAGES = 6;

const ourScenarios = fc.record({
  seed: fc.nat({ max: 0xffff }),
  topology: fc.constant(ours),
  processing: arbProcessing(['router']),
  bursts: arbBursts(MAX_MESSAGES),
  faults: fc.array(arbFault('router', true), { maxLength: 2 }),
}).map((parts) => {
  const drawn = scenarioFromParts(parts, { maxMessages: MAX_MESSAGES });
  const faults = [...(drawn.faults ?? []), ...maintenance];
  return withYaml({ ...drawn, name: 'ours-varied', faults, horizon: horizonFor(parts, faults) });
});

it('our router loses and doubles nothing through the faults it survives and our maintenance', () => {
  fc.assert(fc.property(ourScenarios, (scenario) => {
    const { outcome } = judgeCase(scenario);
    expect(outcome).toHaveNoLostMail();
    expect(outcome).toHaveNoDuplicates();
  }), { seed: 7, numRuns: 100 });
});
// ---- end of the example ----
