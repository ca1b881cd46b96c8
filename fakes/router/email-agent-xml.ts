// Microsoft.Crm.Tools.EmailAgent.xml (R6 and domain.md's notes on the file): read it into settings and provider
// entries, and write one from a router configuration. Element names are matched case-insensitively. Where the public
// record is silent (the provider elements beyond CrmServerUrl, EmailAddress, UserId, QueueId, EmailAuthMode) the
// shape is ours, documented in docs/router-files.md.
import {
  type IncomingProtocol, type OutgoingProtocol, type ProviderOverrides,
  type RouterConfig, type SystemConfiguration,
} from './router-config.js';
import { RouterFileError, bool, child, children, escapeXml, parseRouterXml, stableGuid, text, texts, wholeNumber, type XmlNode } from './router-xml.js';

export interface ProviderEntry {
  /** 1-based position among the file's ProviderConfiguration elements. */
  readonly index: number;
  readonly direction: 'incoming' | 'outgoing';
  readonly protocol: IncomingProtocol | OutgoingProtocol | 'webdav' | 'custom';
  /** Why the model (and the migration wizard, S14) cannot use this provider; null when it can. */
  readonly unsupported: string | null;
  readonly providerClass: string;
  readonly crmServerUrl: string;
  /** CrmServerUrl as CRM tells deployments apart: crmServerKey(crmServerUrl). */
  readonly crmServerKey: string;
  readonly emailAddress: string | null;
  /** The host of EmailServerUrl (the mail server the provider talks to). [I] */
  readonly serverHost: string | null;
  readonly isForwardMailbox: boolean | null;
  readonly deleteEmails: boolean | null;
  readonly emailAuthMode: string | null;
  readonly userIds: readonly string[];
  readonly queueIds: readonly string[];
}

export interface EmailAgentFile {
  readonly system: Partial<SystemConfiguration>;
  readonly overrides: Partial<ProviderOverrides>;
  readonly providers: readonly ProviderEntry[];
}

const ROOT = 'Configuration';
const CLASSES: ReadonlyArray<readonly [RegExp, 'incoming' | 'outgoing', IncomingProtocol | OutgoingProtocol]> = [
  [/ExchangePollingMailboxProvider$/i, 'incoming', 'exchange'],
  [/Pop3PollingMailboxProvider$/i, 'incoming', 'pop3'],
  [/SmtpPollingSendEmailProvider$/i, 'outgoing', 'smtp'],
  [/(ExchangeOnline\w*|ExchangePolling)SendEmailProvider$/i, 'outgoing', 'exchange-online'],
];

export function parseEmailAgentXml(xml: string): EmailAgentFile {
  const doc = parseRouterXml(xml, ROOT, ['providerconfiguration', 'userid', 'queueid']);
  const root = child(doc, 'configuration', '');
  if (root === undefined) throw new RouterFileError(ROOT, 'the root element must be <Configuration>');
  const systemNode = child(root, 'systemconfiguration', ROOT) ?? {};
  const systemPath = `${ROOT}/SystemConfiguration`;
  // [I] ProviderOverrides is read inside SystemConfiguration or directly under Configuration.
  const overridesNode = child(systemNode, 'provideroverrides', systemPath) ?? child(root, 'provideroverrides', ROOT) ?? {};
  const overridesPath = `${systemPath}/ProviderOverrides`;
  return {
    system: definedOnly({
      maxThreads: wholeNumber(systemNode, 'maxthreads', systemPath, 1),
      maxThreadExecutionMs: wholeNumber(systemNode, 'maxthreadexecution', systemPath, 1),
      schedulingPeriodMs: wholeNumber(systemNode, 'schedulingperiod', systemPath, 1),
      configRefreshPeriodMs: wholeNumber(systemNode, 'configrefreshperiod', systemPath, 1),
      configUpdatePeriodMs: wholeNumber(systemNode, 'configupdateperiod', systemPath),
      logLevel: wholeNumber(systemNode, 'loglevel', systemPath),
    }),
    overrides: definedOnly({
      cacheCapacity: wholeNumber(overridesNode, 'cachecapacity', overridesPath, 1),
      pendingStatusDelayMs: wholeNumber(overridesNode, 'pendingstatusdelay', overridesPath),
      sendingStatusDelayMs: wholeNumber(overridesNode, 'sendingstatusdelay', overridesPath, 1),
      maximumDeliveryAttempts: wholeNumber(overridesNode, 'maximumdeliveryattempts', overridesPath, 1),
      ewsRetrieveMessageCount: wholeNumber(overridesNode, 'ewsretrievemessagecount', overridesPath, 1),
      batchSize: wholeNumber(overridesNode, 'batchsize', overridesPath, 1),
      requestBatchSize: wholeNumber(overridesNode, 'requestbatchsize', overridesPath, 1),
    }),
    providers: children(root, 'providerconfiguration').map((node, i) => providerEntry(node, i + 1)),
  };
}

function providerEntry(node: XmlNode, index: number): ProviderEntry {
  const path = `${ROOT}/ProviderConfiguration[${index}]`;
  const providerClass = text(node, 'providerclass', path);
  if (providerClass === undefined) throw new RouterFileError(path, 'missing <ProviderClass>');
  // S14: Exchange 2003 (WebDAV) and custom providers are read, and left out of a migration with the reason.
  const known = CLASSES.find(([pattern]) => pattern.test(providerClass))
    ?? (/webdav|exchange2003/i.test(providerClass) ? [/./, 'incoming', 'webdav'] as const : [/./, /send/i.test(providerClass) ? 'outgoing' : 'incoming', 'custom'] as const);
  const unsupported = known[2] === 'webdav' ? 'an Exchange 2003 (WebDAV) profile: not migrated to server-side sync (S14)'
    : known[2] === 'custom' ? `a custom provider (${providerClass}): not migrated (S14)` : null;
  const crmServerUrl = text(node, 'crmserverurl', path);
  if (crmServerUrl === undefined || crmServerUrl.length === 0) throw new RouterFileError(path, 'missing <CrmServerUrl>');
  const emailAddress = text(node, 'emailaddress', path) ?? null;
  if (emailAddress !== null && !/^[^@\s]+@[^@\s]+$/.test(emailAddress)) throw new RouterFileError(`${path}/EmailAddress`, `not an email address: ${JSON.stringify(emailAddress)}`);
  const serverUrl = text(node, 'emailserverurl', path) ?? null;
  return {
    index, direction: known[1], protocol: known[2], unsupported, providerClass, crmServerUrl, crmServerKey: crmServerKey(crmServerUrl),
    emailAddress: emailAddress?.toLowerCase() ?? null, serverHost: serverUrl === null ? null : hostOf(serverUrl),
    isForwardMailbox: bool(node, 'isforwardmailbox', path) ?? null, deleteEmails: bool(node, 'deleteemails', path) ?? null,
    emailAuthMode: text(node, 'emailauthmode', path) ?? null,
    userIds: texts(node, 'userid', path), queueIds: texts(node, 'queueid', path),
  };
}

/**
 * One deployment's CrmServerUrl however it is spelt (the incident review: `http://CRM01...:80/Contoso/` and
 * `http://crm01.../contoso` are one deployment): scheme and host in lower case (URLs and DNS ignore their case), the
 * default port and trailing slashes dropped, and the path (the organisation's name) in lower case, as CRM compares
 * organisation names. [I] Text that is no URL is compared in lower case.
 */
export function crmServerKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim().toLowerCase();
  }
  // URL lower-cases the scheme and host and drops the scheme's default port.
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '').toLowerCase()}${parsed.search}${parsed.hash}`;
}

/** `http://ex1.contoso.local/EWS/Exchange.asmx` -> `ex1.contoso.local`; a bare host stays as it is. */
function hostOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/:]+)/i.exec(url);
  return (match?.[1] ?? url).toLowerCase();
}

function definedOnly<T extends object>(values: { [K in keyof T]: T[K] | undefined }): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface WriteEmailAgentOptions {
  /** CRM server actor -> the CrmServerUrl written for it. */
  crmUrl(crmServer: string): string;
  /** Mail server actor -> the EmailServerUrl written for it. */
  serverUrl(server: string, protocol: IncomingProtocol | OutgoingProtocol): string;
  /** The users and queues each deployment serves, by kind (their ids are made from their addresses). */
  served(crmServer: string): { users: readonly string[]; queues: readonly string[] };
}

/** Writes the file for a router configuration: settings, then one incoming and one outgoing provider per deployment. */
export function writeEmailAgentXml(config: RouterConfig, options: WriteEmailAgentOptions): string {
  const { system, overrides } = config;
  const element = (name: string, value: string | number | boolean, indent: string) => `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<${ROOT}>`, '  <SystemConfiguration>'];
  const sys: Array<[string, number]> = [
    ['MaxThreads', system.maxThreads], ['MaxThreadExecution', system.maxThreadExecutionMs], ['SchedulingPeriod', system.schedulingPeriodMs],
    ['ConfigRefreshPeriod', system.configRefreshPeriodMs], ['ConfigUpdatePeriod', system.configUpdatePeriodMs], ['LogLevel', system.logLevel],
  ];
  lines.push(...sys.map(([name, value]) => element(name, value, '    ')), '    <ProviderOverrides>');
  const over: Array<[string, number]> = [
    ['CacheCapacity', overrides.cacheCapacity], ['PendingStatusDelay', overrides.pendingStatusDelayMs],
    ['SendingStatusDelay', overrides.sendingStatusDelayMs], ['MaximumDeliveryAttempts', overrides.maximumDeliveryAttempts],
    ['EWSRetrieveMessageCount', overrides.ewsRetrieveMessageCount], ['BatchSize', overrides.batchSize], ['RequestBatchSize', overrides.requestBatchSize],
  ];
  lines.push(...over.map(([name, value]) => element(name, value, '      ')), '    </ProviderOverrides>', '  </SystemConfiguration>');
  const incoming = new Map(config.incomingProfiles.map((p) => [p.name, p]));
  const outgoing = new Map(config.outgoingProfiles.map((p) => [p.name, p]));
  for (const deployment of config.deployments) {
    const served = options.served(deployment.crmServer);
    const ids = [...served.users.map((u) => element('UserId', stableGuid(u), '    ')), ...served.queues.map((q) => element('QueueId', stableGuid(q), '    '))];
    const inProfile = incoming.get(deployment.incomingProfile);
    if (inProfile !== undefined) {
      const cls = inProfile.protocol === 'pop3' ? 'Pop3PollingMailboxProvider' : 'ExchangePollingMailboxProvider';
      lines.push('  <ProviderConfiguration>', element('ProviderClass', `Microsoft.Crm.Tools.Email.Providers.${cls}`, '    '),
        element('CrmServerUrl', options.crmUrl(deployment.crmServer), '    '),
        element('EmailServerUrl', options.serverUrl(inProfile.server, inProfile.protocol), '    '));
      if (deployment.forwardMailbox !== null) {
        lines.push(element('EmailAddress', deployment.forwardMailbox.address, '    '), element('IsForwardMailbox', true, '    '),
          element('DeleteEmails', deployment.forwardMailbox.deleteAfterProcessing, '    '));
      }
      lines.push(element('EmailAuthMode', 'Anonymous', '    '), ...ids, '  </ProviderConfiguration>');
    }
    const outProfile = outgoing.get(deployment.outgoingProfile);
    if (outProfile !== undefined) {
      const cls = outProfile.protocol === 'smtp' ? 'SmtpPollingSendEmailProvider' : 'ExchangeOnlineSendEmailProvider';
      lines.push('  <ProviderConfiguration>', element('ProviderClass', `Microsoft.Crm.Tools.Email.Providers.${cls}`, '    '),
        element('CrmServerUrl', options.crmUrl(deployment.crmServer), '    '),
        element('EmailServerUrl', options.serverUrl(outProfile.server, outProfile.protocol), '    '),
        element('EmailAuthMode', 'Anonymous', '    '), ...ids, '  </ProviderConfiguration>');
    }
  }
  lines.push(`</${ROOT}>`, '');
  return lines.join('\n');
}
