// A scenario's CRM organisations: `crm:` holds one organisation, or a list of them (one router can serve several,
// R12). Everything that walks them goes through here, so each knows the field path to report problems at.
import type { CrmSection } from './crm-schema.js';
import type { Scenario } from './schema.js';

export interface CrmOrganisation {
  readonly section: CrmSection;
  /** Where it sits in the scenario: ['crm'] or ['crm', k]. */
  readonly path: ReadonlyArray<string | number>;
}

export function crmOrganisations(scenario: Pick<Scenario, 'crm'>): CrmOrganisation[] {
  const crm = scenario.crm;
  if (crm === undefined) return [];
  if (Array.isArray(crm)) return crm.map((section, k) => ({ section, path: ['crm', k] }));
  return [{ section: crm as CrmSection, path: ['crm'] }];
}

/** The organisation a user's or queue's address belongs to (S13: a mailbox belongs to one organisation). */
export function organisationOf(scenario: Pick<Scenario, 'crm'>, address: string): CrmOrganisation | undefined {
  return crmOrganisations(scenario).find(({ section }) =>
    section.users.some((u) => u.address === address) || section.queues.some((q) => q.address === address));
}

/** Does this user run Outlook with the CRM client? Always when Outlook is their incoming or outgoing access. */
export function runsOutlook(user: CrmSection['users'][number]): boolean {
  return user.outlook ?? (user.incoming === 'outlook' || user.outgoing === 'outlook');
}
