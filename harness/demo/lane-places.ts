// The boxes a lane draws, from its scenario: the Internet, each Exchange server's transport and the mailboxes it
// holds, the processor (the router, server-side sync, or both in a lane that cuts over), CRM.
import type { Scenario } from '../scenario/schema.js';
import { routerInstanceNames } from '../scenario/routers.js';
import type { DemoPlace } from './demo-data.js';

export const INTERNET = 'internet';
export const CRM = 'crm';
export const ROUTER = 'router';
export const SSS = 'sss';

export const serverPlace = (server: string): string => `server:${server}`;
export const mailboxPlace = (address: string): string => `mailbox:${address}`;

export interface LanePlaces {
  readonly places: DemoPlace[];
  /** Mailbox address (lower case) -> the Exchange server that holds it. */
  readonly serverOf: ReadonlyMap<string, string>;
  /** The server that takes mail from the Internet first (the first MX), for steps that name no mailbox. */
  readonly frontServer: string | null;
}

export function lanePlaces(scenario: Scenario): LanePlaces {
  const places: DemoPlace[] = [{ id: INTERNET, label: 'Internet senders', kind: 'internet', column: 'internet', server: null }];
  const serverOf = new Map<string, string>();
  const exchange = scenario.exchange;
  if (exchange !== undefined) {
    const serverOfDatabase = new Map(exchange.databases.map((d) => [d.name, d.server]));
    for (const server of exchange.servers) {
      places.push({ id: serverPlace(server.name), label: `${server.name} transport`, kind: 'transport', column: 'exchange', server: server.name });
      for (const mailbox of exchange.mailboxes) {
        if (serverOfDatabase.get(mailbox.database) !== server.name) continue;
        const address = mailbox.address.toLowerCase();
        serverOf.set(address, server.name);
        const kind = mailbox.kind === 'forward' ? 'forward-mailbox' : mailbox.kind === 'queue' ? 'queue-mailbox' : 'user-mailbox';
        places.push({ id: mailboxPlace(address), label: address, kind, column: 'exchange', server: server.name });
      }
    }
  }
  const routers = routerInstanceNames(scenario);
  if (routers.length > 0) places.push({ id: ROUTER, label: `E-mail Router (${routers.join(', ')})`, kind: 'router', column: 'processor', server: null });
  if (scenario.sss !== undefined) places.push({ id: SSS, label: 'Server-side sync', kind: 'sss', column: 'processor', server: null });
  places.push({ id: CRM, label: 'CRM', kind: 'crm', column: 'crm', server: null });
  const frontServer = exchange?.mx?.[0] ?? exchange?.servers[0]?.name ?? null;
  return { places, serverOf, frontServer };
}
