// Microsoft.Crm.Tools.EmailAgent.SystemState.xml (R8, KB2491350, KB954522): one element per provider instance, named
// by an opaque hash, holding emailaddress, lasterror and thresholddate (ISO 8601 with seven decimals; 0001-01-01 after
// a reset). Read: an empty file, one without a root element, or one that is not well-formed (a typo, a truncated
// copy) is the corrupt file the service refuses to start with (modelled, not an input error: the harness warns, with
// the parser's line and column); a well-formed file with a wrong element is an input error naming it.
import { RouterFileError, escapeXml, parseRouterXml, stableHash, text, type XmlNode } from './router-xml.js';
import type { ProviderState, SystemState } from './system-state.js';

const ROOT = 'SystemState';
const ZERO_DATE = '0001-01-01T00:00:00.0000000Z';

/** A provider's saved state, keyed by its mailbox address (the hash names cannot be matched otherwise). */
export interface SavedProviderState {
  readonly element: string;
  readonly emailAddress: string;
  /** Virtual ms relative to the scenario's start (negative: before it); null for 0001-01-01. */
  readonly thresholdMs: number | null;
  readonly lastError: string | null;
}

/** KB954522's corrupt file: why (the parser's reason), and where the parser stopped when it says (1-based). */
export interface CorruptSystemState {
  readonly corrupt: true;
  readonly why: string;
  readonly line: number | null;
  readonly column: number | null;
}

export type ReadSystemState = CorruptSystemState | { readonly corrupt: false; readonly providers: readonly SavedProviderState[] };

const NO_ROOT: CorruptSystemState = { corrupt: true, why: 'the file has no root element (Root element is missing)', line: null, column: null };

export function parseSystemStateXml(xml: string, startEpochMs: number): ReadSystemState {
  if (xml.trim().length === 0) return { corrupt: true, why: 'the file is empty (Root element is missing)', line: null, column: null };
  if (onlyProlog(xml)) return NO_ROOT;
  let doc: XmlNode;
  try {
    doc = parseRouterXml(xml, ROOT, []);
  } catch (error) {
    // A file that is not well-formed is the corrupt file of KB954522; a refused or unreadable one is bad input.
    if (error instanceof RouterFileError && error.kind === 'malformed') return { corrupt: true, why: error.problem, line: error.line, column: error.column };
    throw error;
  }
  const root = Object.entries(doc)[0];
  if (root === undefined) return NO_ROOT;
  const [rootName, rootValue] = root;
  // A root with no provider elements (a service that has no mailboxes yet) is a valid, empty file.
  if (rootValue === '') return { corrupt: false, providers: [] };
  if (typeof rootValue === 'string' || Array.isArray(rootValue)) throw new RouterFileError(rootName, 'expected provider elements');
  const rootNode = rootValue as XmlNode;
  const providers: SavedProviderState[] = [];
  for (const [element, value] of Object.entries(rootNode)) {
    const path = `${rootName}/${element}`;
    if (typeof value === 'string' || Array.isArray(value)) throw new RouterFileError(path, 'expected a provider element holding emailaddress, lasterror and thresholddate');
    const node = value as XmlNode;
    const emailAddress = text(node, 'emailaddress', path);
    if (emailAddress === undefined || !/^[^@\s]+@[^@\s]+$/.test(emailAddress)) throw new RouterFileError(`${path}/emailaddress`, 'missing or not an email address');
    const threshold = text(node, 'thresholddate', path);
    providers.push({
      element, emailAddress: emailAddress.toLowerCase(), thresholdMs: threshold === undefined ? null : thresholdOf(threshold, startEpochMs, `${path}/thresholddate`),
      lastError: text(node, 'lasterror', path) || null,
    });
  }
  return { corrupt: false, providers };
}

/** Only a declaration, comments or processing instructions: .NET's "Root element is missing". One pass (a hostile
 * file of unclosed `<?` costs no more than any other). */
function onlyProlog(xml: string): boolean {
  let at = 0;
  for (;;) {
    while (at < xml.length && /\s|\uFEFF/.test(xml.charAt(at))) at++;
    if (at === xml.length) return true;
    const close = xml.startsWith('<?', at) ? '?>' : xml.startsWith('<!--', at) ? '-->' : null;
    const end = close === null ? -1 : xml.indexOf(close, at + (close === '?>' ? 2 : 4));
    if (close === null || end < 0) return false;
    at = end + close.length;
  }
}

function thresholdOf(value: string, startEpochMs: number, path: string): number | null {
  if (value.startsWith('0001-01-01')) return null;
  // .NET writes seven decimals; Date.parse takes at most milliseconds.
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  const epochMs = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(trimmed) ? Date.parse(trimmed) : Number.NaN; // deterministic: only a time with a zone (Z or an offset) is parsed
  if (Number.isNaN(epochMs)) throw new RouterFileError(path, `expected an ISO 8601 date and time such as 2010-06-19T02:37:42.0000000Z, got ${JSON.stringify(value)}`);
  return epochMs - startEpochMs;
}

/** Writes the file for a state; provider elements are named by a stable hash of the provider id. */
export function writeSystemStateXml(state: SystemState, startEpochMs: number): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<${ROOT}>`];
  for (const [id, provider] of state.providers) lines.push(...providerLines(id, provider, startEpochMs));
  lines.push(`</${ROOT}>`, '');
  return lines.join('\n');
}

function providerLines(id: string, provider: ProviderState, startEpochMs: number): string[] {
  const element = `P${stableHash(id)}`;
  const threshold = provider.thresholdMs === null ? ZERO_DATE : new Date(startEpochMs + provider.thresholdMs).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
  return [
    `  <${element}>`, `    <emailaddress>${escapeXml(provider.emailAddress)}</emailaddress>`,
    `    <lasterror>${escapeXml(provider.lastError ?? '')}</lasterror>`, `    <thresholddate>${threshold}</thresholddate>`, `  </${element}>`,
  ];
}
