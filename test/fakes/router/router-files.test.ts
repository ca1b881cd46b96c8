// Microsoft.Crm.Tools.EmailAgent.xml and SystemState.xml (R6, R8): read case-insensitively, refused safely when they
// carry a DTD, errors that name the element, written back so that reading gives the same thing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { crmServerKey, parseEmailAgentXml, writeEmailAgentXml } from '../../../fakes/router/email-agent-xml.js';
import { RouterFileError } from '../../../fakes/router/router-xml.js';
import { parseSystemStateXml, writeSystemStateXml } from '../../../fakes/router/system-state-xml.js';
import { DEFAULT_PROVIDER_OVERRIDES, DEFAULT_ROUTER_TIMINGS, DEFAULT_SYSTEM_CONFIGURATION, type RouterConfig } from '../../../fakes/router/router-config.js';
import { newSystemState } from '../../../fakes/router/system-state.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/router/${name}`, import.meta.url), 'utf8');
const START = Date.parse('2026-01-05T08:00:00Z');

function errorOf(run: () => unknown): RouterFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof RouterFileError) return error;
    throw error;
  }
  throw new Error('expected a RouterFileError');
}

describe('EmailAgent.xml', () => {
  it('reads settings and providers whatever the case of the element names', () => {
    const file = parseEmailAgentXml(fixture('EmailAgent.xml'));
    expect(file.system).toEqual({ maxThreads: 20, maxThreadExecutionMs: 600_000, schedulingPeriodMs: 1_000, configRefreshPeriodMs: 5_000, configUpdatePeriodMs: 3_600_000, logLevel: 1 });
    expect(file.overrides).toMatchObject({ pendingStatusDelayMs: 60_000, maximumDeliveryAttempts: 5, batchSize: 5 });
    expect(file.providers).toMatchObject([
      { index: 1, direction: 'incoming', protocol: 'exchange', emailAddress: 'crm@contoso.example', serverHost: 'ex1.contoso.example', isForwardMailbox: true, deleteEmails: false, userIds: ['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7'] },
      { index: 2, direction: 'outgoing', protocol: 'smtp', serverHost: 'ex1.contoso.example', userIds: ['0f8fad5b-d9cb-469f-a165-70867728950e'] },
    ]);
  });

  it('refuses a billion-laughs file before parsing it, so nothing is ever expanded', () => {
    const error = errorOf(() => parseEmailAgentXml(fixture('billion-laughs.xml')));
    expect(error.problem).toMatch(/refused: the file declares a DTD/);
    expect(error.line).toBe(2);
  });

  it('refuses an external entity (nothing is fetched or read)', () => {
    expect(errorOf(() => parseEmailAgentXml(fixture('external-entity.xml'))).problem).toMatch(/refused/);
  });

  it('names the line and column of a file that is not well-formed', () => {
    const error = errorOf(() => parseEmailAgentXml('<Configuration>\n  <SystemConfiguration>\n</Configuration>'));
    expect(error.problem).toMatch(/not well-formed/);
    expect(error.line).toBe(3);
  });

  it('names the element that is wrong', () => {
    expect(errorOf(() => parseEmailAgentXml('<Configuration><SystemConfiguration><MaxThreads>many</MaxThreads></SystemConfiguration></Configuration>')).message)
      .toBe('Configuration/SystemConfiguration/maxthreads: expected a whole number from 1 to 2147483647, got "many"');
    expect(errorOf(() => parseEmailAgentXml('<Configuration><ProviderConfiguration><ProviderClass>Foo</ProviderClass></ProviderConfiguration></Configuration>')).where)
      .toBe('Configuration/ProviderConfiguration[1]');
    expect(errorOf(() => parseEmailAgentXml('<Settings/>')).message).toBe('Configuration: the root element must be <Configuration>');
  });

  it('keys CrmServerUrl as CRM tells deployments apart: scheme, host and organisation in any case, default port and trailing / or not', () => {
    const key = crmServerKey('http://crm.contoso.example/contoso');
    for (const url of ['HTTP://CRM.Contoso.example/Contoso', 'http://crm.contoso.example:80/contoso/', ' http://crm.contoso.example/CONTOSO// ']) expect(crmServerKey(url)).toBe(key);
    expect(crmServerKey('https://crm.contoso.example:443/Contoso')).toBe('https://crm.contoso.example/contoso');
    for (const other of ['http://crm.contoso.example:5555/contoso', 'https://crm.contoso.example/contoso', 'http://crm2.contoso.example/contoso', 'http://crm.contoso.example/fabrikam']) expect(crmServerKey(other)).not.toBe(key);
    // Not a URL: compared as text, in lower case.
    expect(crmServerKey('CRM01/Contoso')).toBe('crm01/contoso');
    const file = parseEmailAgentXml(fixture('EmailAgent.xml').replace(/<CrmServerUrl>http:\/\/crm\.contoso\.example\/Contoso<\/CrmServerUrl>(?![\s\S]*<CrmServerUrl>)/, '<CrmServerUrl>HTTP://CRM.contoso.example:80/Contoso/</CrmServerUrl>'));
    expect(file.providers.map((p) => [p.crmServerUrl, p.crmServerKey])).toEqual([
      ['http://crm.contoso.example/Contoso', key], ['HTTP://CRM.contoso.example:80/Contoso/', key],
    ]);
  });

  it('writes a file that reads back to the same settings and providers', () => {
    const config: RouterConfig = {
      system: { ...DEFAULT_SYSTEM_CONFIGURATION, maxThreads: 7 }, overrides: { ...DEFAULT_PROVIDER_OVERRIDES, batchSize: 3 }, timings: DEFAULT_ROUTER_TIMINGS, finishOrder: 'create-first',
      incomingProfiles: [{ name: 'in', protocol: 'pop3', server: 'ex1' }], outgoingProfiles: [{ name: 'out', protocol: 'smtp', server: 'ex1' }],
      deployments: [{ crmServer: 'crm', incomingProfile: 'in', outgoingProfile: 'out', forwardMailbox: { address: 'crm@contoso.example', deleteAfterProcessing: false } }],
    };
    const xml = writeEmailAgentXml(config, {
      crmUrl: (crm) => `http://${crm}.contoso.example/Contoso`, serverUrl: (server) => `http://${server}.contoso.example/EWS/Exchange.asmx`,
      served: () => ({ users: ['paul@contoso.example'], queues: ['sales@contoso.example'] }),
    });
    const back = parseEmailAgentXml(xml);
    expect(back.system).toEqual(config.system);
    expect(back.overrides).toEqual(config.overrides);
    expect(back.providers).toMatchObject([
      { direction: 'incoming', protocol: 'pop3', emailAddress: 'crm@contoso.example', deleteEmails: false, isForwardMailbox: true, serverHost: 'ex1.contoso.example' },
      { direction: 'outgoing', protocol: 'smtp' },
    ]);
    expect(back.providers[0]?.userIds).toHaveLength(1);
    expect(back.providers[0]?.queueIds).toHaveLength(1);
  });
});

describe('SystemState.xml', () => {
  it('reads each provider\'s ThresholdDate relative to the scenario start; 0001-01-01 is "everything"', () => {
    expect(parseSystemStateXml(fixture('SystemState.xml'), START)).toEqual({
      corrupt: false, providers: [{ element: 'a3f2c91b7e', emailAddress: 'crm@contoso.example', thresholdMs: 3_600_000, lastError: null }],
    });
    const reset = '<SystemState><X1><emailaddress>a@b.c</emailaddress><thresholddate>0001-01-01T00:00:00.0000000Z</thresholddate></X1></SystemState>';
    expect(parseSystemStateXml(reset, START)).toMatchObject({ providers: [{ thresholdMs: null }] });
  });

  it('takes an empty, root-less or not well-formed file as the corrupt file that stops the service (KB954522), saying why and where', () => {
    expect(parseSystemStateXml('', START)).toEqual({ corrupt: true, why: 'the file is empty (Root element is missing)', line: null, column: null });
    const noRoot = { corrupt: true, why: 'the file has no root element (Root element is missing)', line: null, column: null };
    expect(parseSystemStateXml('<?xml version="1.0"?>', START)).toEqual(noRoot);
    expect(parseSystemStateXml('\uFEFF<?xml version="1.0"?>\r\n<!-- emptied by hand -->\r\n', START)).toEqual(noRoot);
    // An unclosed declaration or comment is not well-formed, not root-less; reading it stays one pass.
    expect(parseSystemStateXml('<?xml version="1.0"', START)).toMatchObject({ corrupt: true, why: expect.stringMatching(/^not well-formed XML/) });
    expect(parseSystemStateXml('<!-- c ->\n<SystemState/>', START)).toMatchObject({ corrupt: true, why: expect.stringMatching(/^not well-formed XML/) });
    expect(parseSystemStateXml('<SystemState>\n  <X1><emailaddress>', START)).toMatchObject({ corrupt: true, why: expect.stringMatching(/^not well-formed XML: /) });
    // Cut off between elements: the validator lists the open elements at line 1, column 1; said as that, at the end.
    expect(parseSystemStateXml('<SystemState>\n  <X1>\n    <emailaddress>a@contoso.example</emailaddress>\n', START)).toEqual({
      corrupt: true, why: 'not well-formed XML: the file ends with <SystemState>, <X1> still open (cut off?)', line: 4, column: 1,
    });
    expect(parseSystemStateXml('<SystemState>\n  <X1>\n  </X2>\n</SystemState>', START)).toEqual({
      corrupt: true, why: "not well-formed XML: Expected closing tag 'X1' (opened in line 2, col 3) instead of closing tag 'X2'.", line: 3, column: 3,
    });
  });

  it('names a wrong element in a well-formed file, and refuses a DTD', () => {
    const bad = '<SystemState><X1><emailaddress>a@b.c</emailaddress><thresholddate>yesterday</thresholddate></X1></SystemState>';
    expect(errorOf(() => parseSystemStateXml(bad, START)).where).toBe('systemstate/x1/thresholddate');
    expect(errorOf(() => parseSystemStateXml(fixture('billion-laughs.xml'), START)).problem).toMatch(/refused/);
  });

  it('writes seven decimals and reads back what it wrote', () => {
    const state = newSystemState();
    state.providers.set('crm/crm@contoso.example', { emailAddress: 'crm@contoso.example', thresholdMs: 5_400_123, doneAtThreshold: [], retry: [], lastError: 'CRM did not answer' });
    state.providers.set('crm/paul@contoso.example', { emailAddress: 'paul@contoso.example', thresholdMs: null, doneAtThreshold: [], retry: [], lastError: null });
    const xml = writeSystemStateXml(state, START);
    expect(xml).toContain('<thresholddate>2026-01-05T09:30:00.1230000Z</thresholddate>');
    expect(xml).toContain('<thresholddate>0001-01-01T00:00:00.0000000Z</thresholddate>');
    expect(parseSystemStateXml(xml, START)).toMatchObject({
      corrupt: false, providers: [{ emailAddress: 'crm@contoso.example', thresholdMs: 5_400_123, lastError: 'CRM did not answer' }, { thresholdMs: null }],
    });
  });
});

describe('hostile and edge-case files', () => {
  it('a state file with no providers is a valid empty file, not a corrupt one', () => {
    expect(parseSystemStateXml(writeSystemStateXml(newSystemState(), START), START)).toEqual({ corrupt: false, providers: [] });
  });

  it('refuses deep nesting and prototype names as bad input, never a crash', () => {
    const deep = `<Configuration>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</Configuration>`;
    expect(errorOf(() => parseEmailAgentXml(deep)).kind).toBe('invalid');
    expect(errorOf(() => parseEmailAgentXml('<Configuration><__proto__>1</__proto__></Configuration>')).kind).not.toBe('malformed');
    expect(() => parseSystemStateXml(`<SystemState>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</SystemState>`, START)).toThrow(RouterFileError);
  });

  it('refuses numbers beyond Int32', () => {
    expect(errorOf(() => parseEmailAgentXml('<Configuration><SystemConfiguration><ConfigUpdatePeriod>99999999999999999999</ConfigUpdatePeriod></SystemConfiguration></Configuration>')).where)
      .toBe('Configuration/SystemConfiguration/configupdateperiod');
  });

  it('decodes predefined entities, so text survives a round trip unchanged', () => {
    const state = newSystemState();
    state.providers.set('p', { emailAddress: 'a@b.c', thresholdMs: null, doneAtThreshold: [], retry: [], lastError: 'A & B <x>' });
    const once = parseSystemStateXml(writeSystemStateXml(state, START), START);
    expect(once).toMatchObject({ providers: [{ lastError: 'A & B <x>' }] });
  });
});
