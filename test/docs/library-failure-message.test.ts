// docs/library.md shows a matcher's failure message: the one the shipped exchange-restore-without-logs gives, as the
// page says. It went stale once (another offender, another time); here the page must show the message the run gives.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, runScenario, shippedScenario } from '../../harness/index.js';
import { mailflowMatchers } from '../../harness/testing/vitest-matchers.js';
import { sectionBlocks } from './doc-blocks.js';

expect.extend(mailflowMatchers);

describe('docs/library.md, the failure message of "A property in your suite"', () => {
  it('is the message the run it names gives', () => {
    const [, call, message] = sectionBlocks('docs/library.md', 'A property in your suite');
    expect(call).toBe('expect(runScenario(loadScenarioFile(shippedScenario(\'exchange-restore-without-logs\')))).toHaveNoLostMail();\n');
    expect(() => expect(runScenario(loadScenarioFile(shippedScenario('exchange-restore-without-logs')))).toHaveNoLostMail()).toThrow(
      expect.objectContaining({ message: message?.trimEnd() }),
    );
  });
});
