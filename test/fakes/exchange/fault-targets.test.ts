// An Exchange fault finds its server's state through serverOf, which refuses an actor that is not an Exchange server.
// Scenario files are checked before a run (check-exchange.ts); a scenario built or changed in code is not, and such a
// fault used to write into the other actor's state while the run went on as if it had done something.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

describe('an Exchange fault aimed at another kind of actor', () => {
  it.each(['stopInbound', 'clearSmtpFault'])('%s on an outside sender stops the run, naming the verb and the target', (verb) => {
    const scenario = exchangeScenario({ faults: `[{ at: 5m, verb: ${verb}, target: ex1 }]` });
    expect(runScenario(scenario).verdict).toBe('pass');
    const retargeted = { ...scenario, faults: scenario.faults.map((f) => ({ ...f, target: 'partners' })) };
    expect(() => runScenario(retargeted)).toThrow(`fault '${verb}' acts on an Exchange server; 'partners' is not one`);
  });
});
