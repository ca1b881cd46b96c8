// A serve session's test can wait for a virtual instant (after the scenario's outage, say) instead of polling
// nowMs() (the engineer review); a wait the session never reaches is rejected when it stops, not left hanging.
import { describe, expect, it } from 'vitest';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe } from '../../harness/run/serve-scenario.js';

const MINUTE = 60_000;

describe('serve: waiting for a virtual instant', () => {
  it('resolves once the model is there, at once when it already is, and rejects waits past the stop', async () => {
    const session = await startServe(exchangeScenario({ drain: '1h' }), { smtpPort: 0, timeScale: 3_000 });
    try {
      await session.waitForVirtualTime(5 * MINUTE);
      expect(session.nowMs()).toBeGreaterThanOrEqual(5 * MINUTE);
      await session.waitForVirtualTime(MINUTE);
      const never = session.waitForVirtualTime(1_000 * 60 * MINUTE);
      const stopped = session.stop();
      await expect(never).rejects.toThrow(/^the session was stopped at \d+ ms, before 3600000000 ms$/);
      await stopped;
      await expect(session.waitForVirtualTime(1_000 * 60 * MINUTE)).rejects.toThrow(/stopped/);
    } finally {
      await session.stop().catch(() => undefined);
    }
  });
});
