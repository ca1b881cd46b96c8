// Reads the router files a scenario names (router.configFile, router.stateFile) and folds them into the scenario:
// the settings, profiles and deployments of Microsoft.Crm.Tools.EmailAgent.xml, and the ThresholdDates of
// Microsoft.Crm.Tools.EmailAgent.SystemState.xml. Problems name the file and the element that is wrong; what a file
// says that the scenario very likely does not mean comes back as a warning, beside the scenario, for the command to
// say with the scenario's own (scenario-warnings.ts).
import { parseEmailAgentXml, type EmailAgentFile, type ProviderEntry } from '../../fakes/router/email-agent-xml.js';
import { RouterFileError } from '../../fakes/router/router-xml.js';
import { parseSystemStateXml, type ReadSystemState } from '../../fakes/router/system-state-xml.js';
import { checkRouter } from './check-router.js';
import { crmOrganisations } from './crm-organisations.js';
import { routerInstalls } from './routers.js';
import { InputError, formatPath, type InputProblem } from './input-error.js';
import type { FieldProblem, Locate } from './load-scenario.js';
import type { Scenario } from './schema.js';
import type { RouterSection } from './router-schema.js';
import { relatedFile } from './related-file.js';
import { readInputFile, ROUTER_FILE_LIMIT } from './read-input-file.js';
import { startEpochMs } from './start-instant.js';
import { namedIgnoringCase, mailServerNames, serversDifferingInCase } from './server-names.js';
import { instantFromStartText } from '../../sim/core/utc-instant.js';

type Router = RouterSection;

/** The scenario with its router files read and folded in, and what they say that it very likely does not mean. */
export async function resolveRouterFiles(scenario: Scenario, scenarioFile: string, locate: Locate): Promise<{ scenario: Scenario; warnings: FieldProblem[] }> {
  const installs = routerInstalls(scenario);
  const withFiles = installs.find(({ section }) => section.configFile !== undefined || section.stateFile !== undefined);
  if (withFiles === undefined) return { scenario, warnings: [] };
  const resolved: Router[] = [];
  const warnings: FieldProblem[] = [];
  for (const { section, path } of installs) {
    const install = await resolveInstall(section, path, scenario, scenarioFile, locate);
    resolved.push(install.router);
    warnings.push(...install.warnings);
  }
  const merged: Scenario = { ...scenario, router: Array.isArray(scenario.router) ? resolved : resolved[0] };
  // What the files brought meets the same checks as a scenario that wrote it out, reported at the file.
  const problems = checkRouter(merged).map((p) => locate([...withFiles.path, 'configFile'], `${formatPath(p.path)}: ${p.message}`));
  if (problems.length > 0) throw new InputError(problems);
  return { scenario: merged, warnings };
}

/**
 * One router install with its files read and folded in (`path`: where the install sits in the scenario), and the
 * warnings they give, at its `stateFile`.
 */
async function resolveInstall(
  router: Router, path: ReadonlyArray<string | number>, scenario: Scenario, scenarioFile: string, locate: Locate,
): Promise<{ router: Router; warnings: FieldProblem[] }> {
  let resolved: Router = router;
  const warnings: FieldProblem[] = [];
  if (router.configFile !== undefined) {
    const file = relatedFile(scenarioFile, router.configFile);
    const agent = parseOrThrow(readOrThrow(file, [...path, 'configFile'], locate), file, parseEmailAgentXml);
    resolved = withConfig(resolved, agent, scenario, file);
  }
  if (router.stateFile !== undefined) {
    const file = relatedFile(scenarioFile, router.stateFile);
    const state = parseOrThrow(readOrThrow(file, [...path, 'stateFile'], locate), file, (xml) => parseSystemStateXml(xml, startEpochMs(scenario)));
    warnings.push(...stateFileWarnings(state, file, scenario).map((message) => ({ path: [...path, 'stateFile'], message })));
    resolved = {
      ...resolved,
      state: state.corrupt ? { file: 'corrupt', providers: [] }
        : { file: 'present', providers: state.providers.map((p) => ({ mailbox: p.emailAddress, threshold: p.thresholdMs, ...(p.lastError === null ? {} : { lastError: p.lastError }) })) },
    };
  }
  return { router: { ...resolved, configFile: undefined, stateFile: undefined }, warnings };
}

/** How many providers a warning names before it only counts them. */
const NAMED_AT_MOST = 3;

/**
 * What a state file says that the run will honour but the scenario very likely does not mean (R8, KB954522): a file
 * the router reads as corrupt, ThresholdDates after the start (the router never reads the mail before them), and
 * providers for mailboxes the scenario does not have (ignored).
 */
function stateFileWarnings(state: ReadSystemState, file: string, scenario: Scenario): string[] {
  if (state.corrupt) {
    const at = state.line === null ? '' : `, line ${state.line}${state.column === null ? '' : `, column ${state.column}`}`;
    return [`${file}${at}: ${state.why.replace(/\.$/, '')}; the router will read it as a corrupt state file (KB954522, R8) and not start until the file is deleted (\`deleteStateFile\`)`];
  }
  const mailboxes = new Set((scenario.exchange?.mailboxes ?? []).map((m) => m.address));
  const warnings: string[] = [];
  const strangers = state.providers.filter((p) => !mailboxes.has(p.emailAddress)).map((p) => p.emailAddress);
  if (strangers.length > 0) {
    const [count, names] = [strangers.length.toLocaleString('en-US'), strangers.slice(0, NAMED_AT_MOST).join(', ')];
    warnings.push(strangers.length === 1 ? `1 provider names no mailbox of the scenario and is ignored: ${names}`
      : `${count} providers name no mailbox of the scenario and are ignored; first: ${names}`);
  }
  const start = startEpochMs(scenario);
  const late = state.providers.flatMap((p) => (mailboxes.has(p.emailAddress) && p.thresholdMs !== null && p.thresholdMs > 0 ? [{ address: p.emailAddress, ms: p.thresholdMs }] : []));
  const when = ({ ms }: { ms: number }) => `${instantFromStartText(start, ms)}${ms > scenario.horizon ? ' (after the horizon)' : ''}`;
  if (late.length <= NAMED_AT_MOST) {
    warnings.push(...late.map((p) => `${p.address}'s ThresholdDate ${when(p)}: the router reads none of its mail received before it (R8)`));
  } else {
    const first = late.slice(0, NAMED_AT_MOST).map((p) => `${p.address}'s ${when(p)}`).join('; ');
    warnings.push(`${late.length.toLocaleString('en-US')} providers' ThresholdDates are after the start: the router reads none of their mail received before them (R8); first: ${first}`);
  }
  return warnings;
}

function readOrThrow(file: string, path: ReadonlyArray<string | number>, locate: Locate): string {
  try {
    return readInputFile(file, ROUTER_FILE_LIMIT).toString('utf8');
  } catch (error) {
    throw new InputError([locate(path, `cannot read ${file}: ${(error as Error).message}`)]);
  }
}

function parseOrThrow<T>(xml: string, file: string, parse: (xml: string) => T): T {
  try {
    return parse(xml);
  } catch (error) {
    if (!(error instanceof RouterFileError)) throw error;
    const problem: InputProblem = { file, line: error.line ?? 0, column: error.column ?? 0, path: error.where, message: error.problem };
    throw new InputError([problem]);
  }
}

/** The file's settings replace the scenario's; its providers become profiles and deployments (docs/router-files.md). */
function withConfig(router: Router, agent: EmailAgentFile, scenario: Scenario, file: string): Router {
  if (router.deployments.length > 0 || router.incomingProfiles.length > 0 || router.outgoingProfiles.length > 0) {
    throw new InputError([{ file, line: 0, column: 0, path: '', message: 'give profiles and deployments in the scenario or in router.configFile, not both' }]);
  }
  const s = agent.system;
  const o = agent.overrides;
  const settings = {
    ...router.settings,
    ...defined({ maxThreads: s.maxThreads, maxThreadExecution: s.maxThreadExecutionMs, schedulingPeriod: s.schedulingPeriodMs,
      configRefreshPeriod: s.configRefreshPeriodMs, configUpdatePeriod: s.configUpdatePeriodMs, logLevel: s.logLevel,
      cacheCapacity: o.cacheCapacity, pendingStatusDelay: o.pendingStatusDelayMs, sendingStatusDelay: o.sendingStatusDelayMs,
      maximumDeliveryAttempts: o.maximumDeliveryAttempts, ewsRetrieveMessageCount: o.ewsRetrieveMessageCount,
      batchSize: o.batchSize, requestBatchSize: o.requestBatchSize }),
  };
  const refuse = (path: string, message: string): never => {
    throw new InputError([{ file, line: 0, column: 0, path, message }]);
  };
  const servers = mailServerNames(scenario);
  const serverOf = (entry: ProviderEntry): string => {
    const where = `Configuration/ProviderConfiguration[${entry.index}]/EmailServerUrl`;
    if (entry.serverHost === null) return refuse(where, 'missing: the model needs to know which server the provider talks to');
    // Host names ignore case (DNS), and URLs come lower-cased: EXCH01.contoso.com is the scenario's EXCH01.
    const label = entry.serverHost.split('.')[0] ?? entry.serverHost;
    const named = namedIgnoringCase(servers, label);
    if (named.length > 1) return refuse(where, `host ${entry.serverHost} ${serversDifferingInCase(named)}`);
    return named[0] ?? refuse(where, `host ${entry.serverHost} is not a server of the scenario (${servers.join(', ')}): name the Exchange server by its first label (in any case)`);
  };
  const crmServers = crmOrganisations(scenario).map((o) => o.section.server);
  /** [I] With one organisation every CrmServerUrl names it; with several, the URL's last path segment (the
   * organisation's name in CRM's URLs, compared without case as CRM does) must be an organisation's server name. */
  const crmOf = (url: string): string => {
    if (crmServers.length === 1) return crmServers[0] ?? 'crm';
    const where = 'Configuration/ProviderConfiguration/CrmServerUrl';
    const name = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, ''))?.[1];
    const named = name === undefined ? [] : namedIgnoringCase(crmServers, name);
    if (named.length > 1) return refuse(where, `${url} names ${named.join(' and ')}, organisations of the scenario whose names differ only in case (CRM ignores it): rename one`);
    return named[0] ?? refuse(where, `${url} names no organisation of the scenario (${crmServers.join(', ')}): end the URL with one`);
  };
  const unusable = agent.providers.find((p) => p.unsupported !== null);
  if (unusable !== undefined) {
    throw new InputError([{ file, line: 0, column: 0, path: `Configuration/ProviderConfiguration[${unusable.index}]/ProviderClass`, message: `the model cannot run ${unusable.unsupported}` }]);
  }
  const incoming = agent.providers.filter((p) => p.direction === 'incoming');
  const outgoing = agent.providers.filter((p) => p.direction === 'outgoing');
  const incomingProfiles = incoming.map((p) => ({ name: `in-${p.index}`, protocol: p.protocol as 'exchange' | 'pop3', server: serverOf(p) }));
  const outgoingProfiles = outgoing.map((p) => ({ name: `out-${p.index}`, protocol: p.protocol as 'smtp' | 'exchange-online', server: serverOf(p) }));
  // [I] One deployment per CrmServerUrl, however it is spelt (crmServerKey: case, a default port, a trailing /).
  const keys = [...new Set(agent.providers.map((p) => p.crmServerKey))];
  const deployments = keys.map((key) => {
    const forward = incoming.find((p) => p.crmServerKey === key && p.isForwardMailbox !== false && p.emailAddress !== null);
    const inProfile = forward ?? incoming.find((p) => p.crmServerKey === key);
    const outProfile = outgoing.find((p) => p.crmServerKey === key);
    const first = agent.providers.find((p) => p.crmServerKey === key) as ProviderEntry;
    if (inProfile === undefined || outProfile === undefined) {
      return refuse(`Configuration/ProviderConfiguration[${first.index}]/CrmServerUrl`, `${first.crmServerUrl} has no ${inProfile === undefined ? 'incoming' : 'outgoing'} ProviderConfiguration: a deployment needs one of each with the same CrmServerUrl (compared without case, default port or trailing /). The file has ${urlsByDirection(agent)}: these are different deployments`);
    }
    return {
      crm: crmOf(first.crmServerUrl), incomingProfile: `in-${inProfile.index}`, outgoingProfile: `out-${outProfile.index}`,
      ...(forward?.emailAddress == null ? {} : { forwardMailbox: { address: forward.emailAddress, deleteAfterProcessing: forward.deleteEmails ?? true } }),
    };
  });
  return { ...router, settings, incomingProfiles, outgoingProfiles, deployments };
}

/** `incoming for http://a/Contoso ([1]), outgoing for http://b/Contoso ([2])`: the CrmServerUrls a file gives, as written. */
function urlsByDirection(agent: EmailAgentFile): string {
  return (['incoming', 'outgoing'] as const).map((direction) => {
    const urls = new Map<string, number[]>();
    for (const p of agent.providers.filter((q) => q.direction === direction)) urls.set(p.crmServerUrl, [...(urls.get(p.crmServerUrl) ?? []), p.index]);
    return urls.size === 0 ? `no ${direction} provider` : `${direction} for ${[...urls].map(([url, at]) => `${url} (${at.map((i) => `[${i}]`).join(', ')})`).join(', ')}`;
  }).join(', ');
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

