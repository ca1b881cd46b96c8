// A small Exchange world in YAML, with hooks for the parts a test varies; parsed by the real loader.
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import type { Scenario } from '../../harness/scenario/schema.js';
import { Engine } from '../../sim/core/engine.js';
import { Ledger } from '../../sim/ledger/ledger.js';
import { spawnExchangeWorld, type ExchangeWorld } from '../../fakes/exchange/exchange-world.js';
import { exchangeWorldSpecOf } from '../../harness/world/build-exchange-world.js';
import { scheduleFaults } from '../../harness/world/build-world.js';
import { allItemsOf, type StoreItem } from '../../fakes/exchange/mailbox-store.js';

export interface ExchangeScenarioParts {
  seed?: number;
  horizon?: string;
  drain?: string;
  servers?: string;
  databases?: string;
  mailboxes?: string;
  rules?: string;
  settings?: string;
  senders?: string;
  traffic?: string;
  faults?: string;
  users?: string;
}

export function exchangeScenarioText(parts: ExchangeScenarioParts = {}): string {
  return `kind: scenario
name: exchange-test
seed: ${parts.seed ?? 1}
start: 2026-01-05T08:00:00Z
horizon: ${parts.horizon ?? '4h'}
drain: ${parts.drain ?? '3d'}
exchange:
  acceptedDomains: [contoso.example]
  servers: ${parts.servers ?? '[{ name: ex1, site: hq }]'}
  databases: ${parts.databases ?? '[{ name: db1, server: ex1 }]'}
  mailboxes: ${parts.mailboxes ?? `
    - { address: alice@contoso.example, database: db1 }
    - { address: bob@contoso.example, database: db1 }
    - { address: crm@contoso.example, kind: forward, database: db1 }`}
  rules: ${parts.rules ?? '[]'}
  settings: ${parts.settings ?? '{}'}
internet:
  senders: ${parts.senders ?? '[{ name: partners, domain: partner.example, profile: exchange }]'}
traffic: ${parts.traffic ?? '{}'}
faults: ${parts.faults ?? '[]'}
${parts.users === undefined ? '' : `users: ${parts.users}\n`}`;
}

export function exchangeScenario(parts: ExchangeScenarioParts = {}): Scenario {
  return parseScenarioText(exchangeScenarioText(parts), 'exchange-test.yaml');
}

/** Runs the scenario's Exchange world to the horizon plus `extraMs` and returns it with its ledger. */
export function runExchangeWorld(scenario: Scenario, extraMs = 0): { world: ExchangeWorld; ledger: Ledger; engine: Engine } {
  const engine = new Engine({ seed: scenario.seed });
  const ledger = new Ledger(() => engine.nowMs);
  const world = spawnExchangeWorld(engine, ledger, exchangeWorldSpecOf(scenario.exchange!, scenario.internet, scenario.traffic, scenario.horizon, Date.parse(scenario.start), scenario.users));
  scheduleFaults(engine, scenario);
  engine.run({ untilMs: scenario.horizon + extraMs });
  return { world, ledger, engine };
}

/** Every store item of server `server` at the horizon. */
export function itemsOf(scenario: Scenario, server = 'ex1'): StoreItem[] {
  const { world } = runExchangeWorld(scenario);
  return [...world.server(server).databases.values()].flatMap((db) => [...allItemsOf(db).values()].flat());
}
