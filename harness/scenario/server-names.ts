// A mail server is named as a host is, and host names ignore case (DNS): what an email server profile or CRM's SMTP
// setting names as its server matches a server of the scenario in any case, as a router file's EmailServerUrl does.
// `mailflow migrate` writes a profile's server as its host's first label, lower-cased as URLs give it, and a scenario
// naming its server EXCH01 refused the pasted `server: exch01`. Two servers whose names differ only in case cannot
// then be told apart: naming either is refused, whichever way it is spelt. The scenario's own topology (a database's
// server, mx, a fault's target) names its servers as it wrote them.
import type { CrmSection } from './crm-schema.js';
import type { RouterSection } from './router-schema.js';
import type { Scenario } from './schema.js';

/** The names that `wanted` is, ignoring case (more than one: names of the scenario that differ only in case). */
export function namedIgnoringCase(names: readonly string[], wanted: string): string[] {
  return [...new Set(names.filter((name) => name.toLowerCase() === wanted.toLowerCase()))];
}

/** What is said of a reference to several servers (`named`, from namedIgnoringCase), after what the reference is. */
export function serversDifferingInCase(named: readonly string[]): string {
  return `names ${named.join(' and ')}, servers of the scenario whose names differ only in case (host names ignore case): rename one`;
}

/**
 * Why a server reference, as withServerSpellings left it, names no one server: it matches several of `names` in any
 * case, or it is not one that `takes` (default: one of `names`; `none` says what it should be, `no Exchange server`).
 * Null when it names one.
 */
export function serverReferenceProblem(
  names: readonly string[], written: string, none: string, takes: (name: string) => boolean = (name) => names.includes(name),
): string | null {
  const named = namedIgnoringCase(names, written);
  if (named.length > 1) return `'${written}' ${serversDifferingInCase(named)}`;
  return takes(written) ? null : `${none} named '${written}'`;
}

/** The Exchange servers' names: what sync's profiles name. */
export function exchangeServerNames(scenario: Pick<Scenario, 'exchange'>): string[] {
  return (scenario.exchange?.servers ?? []).map((s) => s.name);
}

/** The Exchange servers' and the outside senders' names: what the router's profiles and CRM's SMTP server name. */
export function mailServerNames(scenario: Pick<Scenario, 'exchange' | 'internet'>): string[] {
  return [...exchangeServerNames(scenario), ...(scenario.internet?.senders ?? []).map((s) => s.name)];
}

/**
 * The scenario with each server reference spelt as the server it names in any case: sync's profiles among the
 * Exchange servers; the router's profiles and `crm.outbound.smtpServer` among those and the outside senders. One
 * that names no server, or several, stays as written for the checks to refuse (check-sss.ts, check-router.ts,
 * check-crm.ts). Every shipped file spells them as its servers do, so it runs as before.
 */
export function withServerSpellings(scenario: Scenario): Scenario {
  const spelt = (names: readonly string[]) => (written: string): string => {
    const named = namedIgnoringCase(names, written);
    return named.length === 1 ? (named[0] as string) : written;
  };
  const respelt = <P extends { server: string }>(profiles: readonly P[], server: (written: string) => string): P[] =>
    profiles.map((p) => ({ ...p, server: server(p.server) }));
  const mailServer = spelt(mailServerNames(scenario));
  const install = (section: RouterSection): RouterSection => ({
    ...section, incomingProfiles: respelt(section.incomingProfiles, mailServer), outgoingProfiles: respelt(section.outgoingProfiles, mailServer),
  });
  const organisation = (section: CrmSection): CrmSection => {
    const smtp = section.outbound.smtpServer;
    return smtp === undefined ? section : { ...section, outbound: { ...section.outbound, smtpServer: mailServer(smtp) } };
  };
  const { sss, router, crm } = scenario;
  return {
    ...scenario,
    ...(sss === undefined ? {} : { sss: { ...sss, profiles: respelt(sss.profiles, spelt(exchangeServerNames(scenario))) } }),
    ...(router === undefined ? {} : { router: Array.isArray(router) ? router.map(install) : install(router as RouterSection) }),
    ...(crm === undefined ? {} : { crm: Array.isArray(crm) ? crm.map(organisation) : organisation(crm as CrmSection) }),
  };
}
