// The provider instances the router runs (R3, R4): one per forward mailbox, and one per user or queue whose incoming
// access is "Email Router" (the router reads their own Inbox); each belongs to one deployment and reads through that
// deployment's incoming profile. Users on Forward Mailbox reach CRM through the forward mailbox's provider.
import type { CrmMailbox } from '../crm/crm-config.js';
import { servedBy, type Deployment, type IncomingProfile, type RouterConfig } from './router-config.js';

export interface IncomingProvider {
  /** Stable identity: the state file's key (the real one is an opaque hash, [I]). */
  readonly id: string;
  readonly mailbox: string;
  readonly kind: 'forward' | 'user-inbox';
  readonly deployment: Deployment;
  readonly profile: IncomingProfile;
  /** R10: delete the item once processed (forward mailboxes, as set; POP3 always; a user's own Inbox never). */
  readonly deleteAfterProcessing: boolean;
}

export function incomingProviders(config: RouterConfig, mailboxesOf: (crmServer: string) => readonly CrmMailbox[]): IncomingProvider[] {
  const profiles = new Map(config.incomingProfiles.map((p) => [p.name, p]));
  const providers: IncomingProvider[] = [];
  for (const deployment of config.deployments) {
    const profile = profiles.get(deployment.incomingProfile);
    if (profile === undefined) throw new Error(`deployment for ${deployment.crmServer}: no incoming profile ${deployment.incomingProfile}`);
    const pop3 = profile.protocol === 'pop3';
    if (deployment.forwardMailbox !== null) {
      const { address, deleteAfterProcessing } = deployment.forwardMailbox;
      providers.push({ id: `${deployment.crmServer}/${address}`, mailbox: address, kind: 'forward', deployment, profile, deleteAfterProcessing: deleteAfterProcessing || pop3 });
    }
    for (const mailbox of servedBy(deployment, mailboxesOf(deployment.crmServer))) {
      if (mailbox.incoming !== 'email-router') continue;
      providers.push({ id: `${deployment.crmServer}/${mailbox.address}`, mailbox: mailbox.address, kind: 'user-inbox', deployment, profile, deleteAfterProcessing: pop3 });
    }
  }
  return providers;
}
