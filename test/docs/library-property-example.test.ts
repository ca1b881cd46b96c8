// docs/library.md's first example ("A property in your suite") runs here as the page shows it: the page must show
// exactly the code between the markers, with the package imported by name where this file imports the source.
import { describe, it as check, expect as checked } from 'vitest';
import { exampleIn, sectionBlocks } from './doc-blocks.js';

describe('docs/library.md, "A property in your suite"', () => {
  check('shows the example this file runs', () => {
    checked(sectionBlocks('docs/library.md', 'A property in your suite')[0]).toBe(exampleIn(import.meta.url));
  });
});

// ---- the example ----
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { arbScenario, judgeCase } from '../../harness/index.js';
import { mailflowMatchers } from '../../harness/testing/vitest-matchers.js';

expect.extend(mailflowMatchers);

it('nothing is lost or tracked twice through router crashes', () => {
  fc.assert(fc.property(arbScenario({ paths: ['router'], maxMessages: 10 }), (scenario) => {
    const { outcome } = judgeCase(scenario);
    expect(outcome).toHaveNoLostMail();
    expect(outcome).toHaveNoDuplicates();
  }), { seed: 42, numRuns: 200 });
});
// ---- end of the example ----
