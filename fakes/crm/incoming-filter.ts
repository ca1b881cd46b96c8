// S9: a user's or queue's incoming email filter. The options nest [I]: responses to CRM email are accepted by every
// filter but None; leads/contacts/accounts adds mail from those records; email-enabled adds any record; All adds
// everything. Manual tracking (promotion) bypasses the filter.
import type { IncomingFilter } from './crm-config.js';
import type { Party } from './crm-directory.js';

const SALES_RECORDS: ReadonlySet<string> = new Set(['contact', 'account', 'lead']);

export function filterAccepts(filter: IncomingFilter, sender: Party | undefined, correlated: boolean): boolean {
  switch (filter) {
    case 'none': return false;
    case 'all': return true;
    case 'responses': return correlated;
    case 'leads-contacts-accounts': return correlated || (sender !== undefined && SALES_RECORDS.has(sender.kind));
    case 'email-enabled': return correlated || sender !== undefined;
  }
}
