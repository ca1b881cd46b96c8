// `mailflow serve` listens for SIGINT and SIGTERM before it says where it listens: a script (or test) that signals as
// soon as it reads the `listening on` line met Node's default action in between (the process ended by the signal,
// without its summary), about one time in three on a loaded machine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeScenarioText } from '../helpers/exchange-scenario.js';
import { startServe } from '../helpers/serve-process.js';

describe('mailflow serve and its stop signal', () => {
  it('drains and exits with its verdict when signalled the moment it says where it listens', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-serve-signal-')), 'served.yaml');
    writeFileSync(file, exchangeScenarioText({ horizon: '1h', drain: '1h' }));
    // Several at once, so that some are descheduled between the line and what follows it.
    const statuses = await Promise.all(Array.from({ length: 8 }, async () => (await startServe([file, '--smtp-port', '0'])).stop()));
    expect(statuses).toEqual(Array.from({ length: 8 }, () => 0));
  });
});
