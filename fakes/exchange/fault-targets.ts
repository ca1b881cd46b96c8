// Finds what an Exchange fault acts on: the target server's durable state, or one of its databases.
import { requireTarget, type Fault, type FaultApi } from '../../sim/core/fault.js';
import type { ExchangeServerDurable } from './exchange-server.js';
import type { DatabaseState } from './mailbox-store.js';

export function serverOf(world: FaultApi, fault: Fault): ExchangeServerDurable {
  return world.durableOf(requireTarget(world, fault)) as ExchangeServerDurable;
}

export function databaseOf(world: FaultApi, fault: Fault): DatabaseState {
  const server = serverOf(world, fault);
  const name = fault.params?.['database'];
  const db = typeof name === 'string' ? server.databases.get(name) : undefined;
  if (db === undefined) throw new Error(`'${fault.verb}' on ${server.name}: no database ${JSON.stringify(name)} there`);
  return db;
}
