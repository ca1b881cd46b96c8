// Arbitrary topologies: one or two Exchange servers with a database each, one to six users dealt over them, and
// perhaps a queue; the router's users read through the forward mailbox (R2) or directly (email-router access).
import fc from 'fast-check';
import { FORWARD_MAILBOX, MAX_USERS, QUEUE, serverName, userAddress } from './fuzz-shape.js';

export interface FuzzTopology {
  readonly servers: number;
  /** Per user: does the router read their mail through the forward mailbox (true) or their own Inbox? */
  readonly forwardMailboxUsers: readonly boolean[];
  readonly queue: boolean;
}

export function arbTopology(): fc.Arbitrary<FuzzTopology> {
  return fc.record({
    servers: fc.integer({ min: 1, max: 2 }),
    forwardMailboxUsers: fc.array(fc.boolean(), { minLength: 1, maxLength: MAX_USERS }),
    queue: fc.boolean(),
  });
}

export function usersOf(topology: FuzzTopology): string[] {
  return topology.forwardMailboxUsers.map((_, i) => userAddress(i));
}

/** Everyone mail can be sent to: the users, then the queue. */
export function recipientsOf(topology: FuzzTopology): string[] {
  return topology.queue ? [...usersOf(topology), QUEUE] : usersOf(topology);
}

/** The `exchange:` section; the forward mailbox exists only where a router reads it. */
export function exchangeSection(topology: FuzzTopology, withRouter: boolean) {
  const servers = Array.from({ length: topology.servers }, (_, i) => ({ name: serverName(i), site: 'hq' }));
  const databases = servers.map((s, i) => ({ name: `db${i + 1}`, server: s.name }));
  const databaseOf = (i: number) => databases[i % databases.length]?.name ?? 'db1';
  const forwarded = usersOf(topology).filter((_, i) => topology.forwardMailboxUsers[i] === true);
  return {
    acceptedDomains: ['contoso.example'],
    servers,
    databases,
    mailboxes: [
      ...usersOf(topology).map((address, i) => ({ address, database: databaseOf(i) })),
      ...(topology.queue ? [{ address: QUEUE, kind: 'queue' as const, database: databaseOf(0) }] : []),
      ...(withRouter ? [{ address: FORWARD_MAILBOX, kind: 'forward' as const, database: databaseOf(0) }] : []),
    ],
    rules: withRouter && forwarded.length > 0 ? [{ action: 'forward-as-attachment' as const, to: FORWARD_MAILBOX, users: forwarded }] : [],
    // No junk filtering: every message is meant for CRM, so anything untracked is a finding (S6 aside).
    settings: { junkProbability: 0 },
  };
}
