// The migration wizard's plan (S14): from up to four routers' files, one email server profile per pair of incoming
// and outgoing profiles (EWS + SMTP becomes an Exchange profile, POP3 + SMTP a POP3/SMTP one), each user and queue on
// the profile its router profiles merge into, the forward mailboxes, Process Email From 24 hours before the
// migration, and what is left out and why (Exchange 2003/WebDAV and custom providers). Pure: the harness reads files.
import type { EmailAgentFile, ProviderEntry } from '../router/email-agent-xml.js';

export interface RouterFiles {
  /** Where the files came from, for the review. */
  readonly source: string;
  readonly agent: EmailAgentFile;
}

export interface MigratedProfile {
  readonly name: string;
  readonly type: 'exchange' | 'pop3-smtp' | 'exchange-online';
  /** The mail server's host (EmailServerUrl), whose first label names the scenario's server. */
  readonly host: string;
}

export interface MigrationPlan {
  /** S2a, S14: 24 hours before the migration, in the same virtual time as `atMs`. */
  readonly processEmailFromMs: number;
  readonly profiles: readonly MigratedProfile[];
  /** Users and queues by their CRM id, with their profile. */
  readonly mailboxes: ReadonlyArray<{ readonly id: string; readonly kind: 'user' | 'queue'; readonly profile: string; readonly crmServerUrl: string }>;
  readonly forwardMailboxes: ReadonlyArray<{ readonly address: string; readonly profile: string; readonly deleteAfterProcessing: boolean }>;
  readonly skipped: ReadonlyArray<{ readonly source: string; readonly what: string; readonly reason: string }>;
}

export const PROCESS_EMAIL_FROM_BEFORE_MS = 24 * 3_600_000;

export function planMigration(routers: readonly RouterFiles[], atMs: number): MigrationPlan {
  const profiles = new Map<string, MigratedProfile>();
  const mailboxes = new Map<string, MigrationPlan['mailboxes'][number]>();
  const forwardMailboxes: Array<MigrationPlan['forwardMailboxes'][number]> = [];
  const skipped: Array<MigrationPlan['skipped'][number]> = [];
  for (const { source, agent } of routers) {
    for (const entry of agent.providers) {
      if (entry.unsupported !== null) skipped.push({ source, what: describe(entry), reason: entry.unsupported });
    }
    const usable = agent.providers.filter((p) => p.unsupported === null);
    // One deployment per CrmServerUrl however it is spelt (crmServerKey); named by the first spelling.
    for (const key of new Set(usable.map((p) => p.crmServerKey))) {
      const incoming = usable.filter((p) => p.crmServerKey === key && p.direction === 'incoming');
      const outgoing = usable.filter((p) => p.crmServerKey === key && p.direction === 'outgoing');
      const url = usable.find((p) => p.crmServerKey === key)?.crmServerUrl ?? key;
      const outgoingOf = (id: string) => outgoing.find((p) => p.userIds.includes(id) || p.queueIds.includes(id)) ?? outgoing[0];
      for (const entry of incoming) {
        if (entry.isForwardMailbox === true && entry.emailAddress !== null) {
          const profile = profileFor(profiles, entry, outgoing[0]);
          forwardMailboxes.push({ address: entry.emailAddress, profile: profile.name, deleteAfterProcessing: entry.deleteEmails ?? true });
        }
        for (const [ids, kind] of [[entry.userIds, 'user'], [entry.queueIds, 'queue']] as const) {
          for (const id of ids) {
            if (mailboxes.has(id)) continue;
            mailboxes.set(id, { id, kind, profile: profileFor(profiles, entry, outgoingOf(id)).name, crmServerUrl: url });
          }
        }
      }
    }
    // Users and queues listed only under providers left out have nothing to migrate to.
    for (const entry of agent.providers.filter((p) => p.unsupported !== null)) {
      for (const id of [...entry.userIds, ...entry.queueIds]) {
        if (!mailboxes.has(id)) skipped.push({ source, what: `mailbox ${id}`, reason: `its only profile is ${entry.unsupported}` });
      }
    }
  }
  return { processEmailFromMs: atMs - PROCESS_EMAIL_FROM_BEFORE_MS, profiles: [...profiles.values()], mailboxes: [...mailboxes.values()], forwardMailboxes, skipped };
}

/** S14: one profile per incoming and outgoing pair; EWS + SMTP -> Exchange, POP3 + SMTP -> POP3/SMTP. */
function profileFor(profiles: Map<string, MigratedProfile>, incoming: ProviderEntry, outgoing: ProviderEntry | undefined): MigratedProfile {
  const type: MigratedProfile['type'] = incoming.protocol === 'pop3' ? 'pop3-smtp' : outgoing?.protocol === 'exchange-online' ? 'exchange-online' : 'exchange';
  const host = incoming.serverHost ?? outgoing?.serverHost ?? 'unknown';
  const name = `${type}-${host.split('.')[0] ?? host}`;
  const profile = profiles.get(name) ?? { name, type, host };
  profiles.set(name, profile);
  return profile;
}

function describe(entry: ProviderEntry): string {
  return `ProviderConfiguration[${entry.index}] (${entry.providerClass}${entry.emailAddress === null ? '' : `, ${entry.emailAddress}`})`;
}
