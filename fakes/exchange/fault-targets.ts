// Finds what an Exchange fault acts on: the target server's durable state, or one of its databases.
import { requireTarget, type Fault, type FaultApi } from '../../sim/core/fault.js';
import type { ExchangeServerDurable } from './exchange-server.js';
import type { DatabaseState } from './mailbox-store.js';
import { paramsOf } from '../operations/operation-params.js';

/**
 * The target's durable state, once it is known to be an Exchange server's: scenarios are checked before a run, but a
 * world built by other means would otherwise have a CRM server's state written into and the run go on as if the
 * fault had done something.
 */
export function serverOf(world: FaultApi, fault: Fault): ExchangeServerDurable {
  const target = requireTarget(world, fault);
  const durable = world.durableOf(target) as Partial<ExchangeServerDurable> | undefined;
  if (!(durable?.databases instanceof Map)) throw new Error(`fault '${fault.verb}' acts on an Exchange server; '${target}' is not one`);
  return durable as ExchangeServerDurable;
}

export function databaseOf(world: FaultApi, fault: Fault): DatabaseState {
  const server = serverOf(world, fault);
  const name = paramsOf(fault).database;
  const db = name === undefined ? undefined : server.databases.get(name);
  if (db === undefined) throw new Error(`'${fault.verb}' on ${server.name}: no database ${JSON.stringify(name)} there`);
  return db;
}
