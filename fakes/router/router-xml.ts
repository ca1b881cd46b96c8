// Reading the router's XML files safely: no DTD at all (a billion-laughs or external-entity file is refused before
// any parsing, and entities are never expanded), element names matched case-insensitively as CRM's own reader does,
// and every problem named by its element path, or line and column when the file is not well-formed.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A problem in a router file: the element path it concerns (or the line and column), and what is wrong. `kind`:
 * `refused` (a DTD, too large), `malformed` (not well-formed XML), `invalid` (well-formed, wrong content).
 */
export class RouterFileError extends Error {
  constructor(
    readonly where: string, readonly problem: string, readonly line: number | null = null, readonly column: number | null = null,
    readonly kind: 'refused' | 'malformed' | 'invalid' = 'invalid',
  ) {
    super(`${where}: ${problem}`);
  }
}

/** .NET reads these elements as Int32. */
const INT32_MAX = 2_147_483_647;

/** A parsed element: lower-case child names -> text, child element, or lists of them. */
export type XmlNode = { readonly [name: string]: XmlValue };
export type XmlValue = string | XmlNode | readonly XmlValue[];

/** S14: the migration wizard's limit on a router's files (32 MB); larger is refused before parsing. */
export const MAX_ROUTER_FILE_BYTES = 0x2000000;

/** Parses a router file into lower-cased elements; throws RouterFileError. `repeated` names elements that are lists. */
export function parseRouterXml(text: string, rootPath: string, repeated: readonly string[]): XmlNode {
  if (Buffer.byteLength(text) > MAX_ROUTER_FILE_BYTES) throw new RouterFileError(rootPath, `refused: larger than ${MAX_ROUTER_FILE_BYTES} bytes`, null, null, 'refused');
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype !== null) {
    const line = text.slice(0, doctype.index).split('\n').length;
    throw new RouterFileError(rootPath, 'refused: the file declares a DTD or entities (router files have none; nothing is expanded)', line, 1, 'refused');
  }
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(text);
  } catch (error) {
    throw new RouterFileError(rootPath, `not well-formed XML: ${(error as Error).message}`, null, null, 'malformed');
  }
  if (valid !== true) {
    const unclosed = unclosedElements(valid.err);
    if (unclosed !== null) {
      // A file cut off mid-way (domain.md: large state files are seen truncated): the validator names the elements
      // still open, as a JSON list at line 1, column 1. Said as what it is, at the file's end.
      const lines = text.split('\n');
      const last = lines.length;
      throw new RouterFileError(rootPath, `not well-formed XML: the file ends with ${unclosed.map((e) => `<${e}>`).join(', ')} still open (cut off?)`, last, (lines[last - 1] ?? '').length + 1, 'malformed');
    }
    throw new RouterFileError(rootPath, `not well-formed XML: ${valid.err.msg}`, valid.err.line, valid.err.col, 'malformed');
  }
  const lists = new Set(repeated.map((n) => n.toLowerCase()));
  // With every DTD refused above, entity processing only decodes the five predefined entities (&amp; and the like).
  const parser = new XMLParser({
    processEntities: true, htmlEntities: false, ignoreAttributes: true, parseTagValue: false, trimValues: true,
    ignoreDeclaration: true, ignorePiTags: true,
    transformTagName: (name) => name.toLowerCase(),
    isArray: (name) => lists.has(name),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    // The parser's own limits (nesting depth, element names such as __proto__).
    throw new RouterFileError(rootPath, `cannot be read: ${(error as Error).message}`, null, null, 'invalid');
  }
}

/** The child element `name` of `node`, as an element ('' for an empty one); undefined when absent. */
export function child(node: XmlNode, name: string, path: string): XmlNode | undefined {
  const value = node[name];
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (typeof value === 'string' || Array.isArray(value)) throw new RouterFileError(`${path}/${name}`, 'expected an element with children');
  return value as XmlNode;
}

/** The text of child `name`, or undefined. */
export function text(node: XmlNode, name: string, path: string): string | undefined {
  const value = node[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new RouterFileError(`${path}/${name}`, 'expected text, found child elements');
  return value;
}

/** The text of child `name` as a whole number, or undefined. */
export function wholeNumber(node: XmlNode, name: string, path: string, min = 0): number | undefined {
  const value = text(node, name, path);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > INT32_MAX) {
    throw new RouterFileError(`${path}/${name}`, `expected a whole number from ${min} to ${INT32_MAX}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

export function bool(node: XmlNode, name: string, path: string): boolean | undefined {
  const value = text(node, name, path)?.toLowerCase();
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw new RouterFileError(`${path}/${name}`, `expected true or false, got ${JSON.stringify(value)}`);
  return value === 'true';
}

/** The elements of a repeated child (declared in `repeated` when parsing). */
export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (value === undefined) return [];
  return (value as readonly XmlValue[]).map((v) => (v === '' || typeof v === 'string' ? {} : v as XmlNode));
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The texts of a repeated child element (declared in `repeated`). */
export function texts(node: XmlNode, name: string, path: string): string[] {
  const value = node[name];
  if (value === undefined) return [];
  return (value as readonly XmlValue[]).map((v, i) => {
    if (typeof v !== 'string') throw new RouterFileError(`${path}/${name}[${i + 1}]`, 'expected text');
    return v;
  });
}

/** A stable 32-bit FNV-1a hash as 8 hex digits: identities the real files keep as opaque hashes or GUIDs. [I] */
export function stableHash(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A GUID-shaped identity made from a name (users and queues in written files). [I] */
export function stableGuid(name: string): string {
  const hex = [0, 1, 2, 3].map((i) => stableHash(`${i}:${name}`)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The elements fast-xml-parser's validator found still open at the end of the file, or null for any other error. */
function unclosedElements(err: { readonly code: string; readonly msg: string }): string[] | null {
  if (err.code !== 'InvalidXml') return null;
  const listed = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(err.msg);
  if (listed === null) return null;
  try {
    const names: unknown = JSON.parse(listed[1] as string);
    return Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string') ? names as string[] : null;
  } catch {
    return null;
  }
}
