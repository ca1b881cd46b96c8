// docs/scenario-reference.md, generated from the scenario's JSON Schema (json-schema.ts) so the page and the editor's
// completion never disagree: one section per object, each with a YAML example and a table of its fields (type,
// default, description, example). `npm run -s schema` rewrites it; test/harness/scenario/json-schema.test.ts keeps it current.
import { Document, isScalar, stringify, visit } from 'yaml';
import { exampleOf, holdsObjects, objectExample } from './json-schema-examples.js';
import type { JsonSchema } from './json-schema.js';
import { asFraction } from './time-bounds.js';
import { TIME_AFTER_START } from './duration.js';

interface Section {
  readonly path: string;
  readonly schema: JsonSchema;
  readonly description: string | undefined;
  /** Keys and list markers leading to this object, to show its example in place. */
  readonly trail: ReadonlyArray<string | '[]'>;
  /** Other fields made of the same object (`users.read` and `users.delete`; `crm` and `crm[]`). */
  readonly also: string[];
}

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export function scenarioReference(schema: JsonSchema): string {
  const sections = collectSections(schema);
  const anchors = new Map(sections.map((s) => [s.path, slug(s.path)]));
  if (new Set(anchors.values()).size !== anchors.size) throw new Error('two sections of the scenario reference share an anchor');
  const byObject = new Map(sections.map((s) => [objectKey(s.schema), anchors.get(s.path) ?? '']));
  const out = [...intro(sections, anchors)];
  for (const section of sections) out.push(...renderSection(section, byObject));
  return `${out.join('\n').trimEnd()}\n`;
}

/** Every object in the schema with fields of its own, depth first, with the path people see in errors. */
function collectSections(schema: JsonSchema): Section[] {
  const sections = new Map<string, Section>();
  const visit = (js: JsonSchema, path: string, trail: Array<string | '[]'>, description: string | undefined): void => {
    if (js.properties !== undefined) {
      const first = sections.get(objectKey(js));
      if (first !== undefined) {
        if (!first.also.includes(path)) first.also.push(path);
        return;
      }
      sections.set(objectKey(js), { path, schema: js, description, trail, also: [] });
      for (const [name, field] of Object.entries(js.properties)) {
        if (typeof field !== 'boolean') visit(field, path === '' ? name : `${path}.${name}`, [...trail, name], field.description);
      }
    }
    const items = itemsOf(js);
    if (items !== undefined) visit(items, `${path}[]`, [...trail, '[]'], description);
    for (const branch of js.anyOf ?? []) visit(branch, path, trail, description);
  };
  visit(schema, '', [], schema.description);
  return [...sections.values()];
}

function objectKey(js: JsonSchema): string {
  return JSON.stringify(js.properties);
}

function itemsOf(js: JsonSchema): JsonSchema | undefined {
  return typeof js.items === 'object' && !Array.isArray(js.items) ? js.items : undefined;
}

/** The anchor of the section documenting the object a field holds (itself, its list's items, a union's branch). */
function linkOf(js: JsonSchema, byObject: ReadonlyMap<string, string>): string | undefined {
  if (js.properties !== undefined) return byObject.get(objectKey(js));
  const items = itemsOf(js);
  if (items !== undefined) return linkOf(items, byObject);
  for (const branch of js.anyOf ?? []) {
    const link = linkOf(branch, byObject);
    if (link !== undefined) return link;
  }
  return undefined;
}

function intro(sections: readonly Section[], anchors: ReadonlyMap<string, string>): string[] {
  return [
    '# Scenario reference',
    '',
    '<!-- Generated from the zod schema (harness/scenario/*schema.ts) by `npm run -s schema`; do not edit by hand. -->',
    '',
    'Every field of a scenario file, generated from the same schema that checks the files (so this page cannot drift',
    'from it). How scenarios work and what each section models: [scenario-language.md](scenario-language.md) and the',
    'pages it links. The schema is also `scenarios/schema.json`; put this first line in a scenario file and editors that',
    'use yaml-language-server (VS Code\'s YAML extension among them) complete and check it as you type:',
    '',
    '```yaml',
    '# yaml-language-server: $schema=./schema.json',
    '```',
    '',
    '(the path is relative to the file: `../scenarios/schema.json` from a folder beside `scenarios/`).',
    '',
    'Conventions: a **duration** is `500ms`, `90s`, `5m`, `2h`, `3d`, a compound such as `1d 2h` (each unit once,',
    'largest first), or whole milliseconds, at most `36500d`; a **time after the start** is a duration after `start`,',
    'or a clock time with its zone (`2026-01-05T10:30:00Z`, `2026-01-05T11:30:00+01:00`); an **instant** is either of',
    'those, or a negative one (`-1d`, or a clock time before the start); a **size** is `20KB`, `36MB` or whole bytes; a',
    '**name** is letters, digits, `.`, `_` and `-`.',
    'Default *required* means the field must be given; *none* means it may be left out and has no default. Unknown',
    'fields are errors. References between parts of the world (a database on a server that exists, say) are checked',
    'when the file is loaded, not here. Rule ids (R4, S2a, X1) are those of the domain notes.',
    '',
    '## Contents',
    '',
    ...sections.map((s) => `${'  '.repeat(depthOf(s.path))}- [${title(s.path)}](#${anchors.get(s.path) ?? ''})`),
    '',
  ];
}

function renderSection(section: Section, byObject: ReadonlyMap<string, string>): string[] {
  const out = [`## ${title(section.path)}`, ''];
  if (section.description !== undefined) out.push(oneLine(section.description), '');
  if (section.also.length > 0) out.push(`The same fields serve ${section.also.map(code).join(', ')}.`, '');
  out.push('```yaml', block(inPlace(section.trail, objectExample(section.schema, true))), '```', '');
  out.push('| field | type | default | description | example |', '|---|---|---|---|---|');
  const required = new Set(section.schema.required ?? []);
  for (const [name, field] of Object.entries(section.schema.properties ?? {})) {
    if (typeof field === 'boolean') continue;
    const link = linkOf(field, byObject);
    const example = holdsObjects(field) && link !== undefined ? `[below](#${link})` : code(inline(exampleOf(field)));
    out.push(`| \`${name}\` | ${cell(typeText(field, link))} | ${cell(defaultText(field, required.has(name)))} | ${cell(oneLine(field.description ?? ''))} | ${example} |`);
  }
  out.push('');
  return out;
}

function typeText(js: JsonSchema, link: string | undefined): string {
  const text = plainType(js);
  return link === undefined ? text : `${text} ([fields](#${link}))`;
}

function plainType(js: JsonSchema): string {
  if (js.title === 'duration' || js.title === TIME_AFTER_START || js.title === 'size' || js.title === 'instant' || js.title === 'name' || js.title === 'email address') return js.title;
  if (js.const !== undefined) return code(String(js.const));
  if (js.enum !== undefined) return `one of ${js.enum.map((v) => code(String(v))).join(', ')}`;
  if (js.anyOf !== undefined) return [...new Set(js.anyOf.map(plainType))].join(', or ');
  const type = Array.isArray(js.type) ? js.type.map((t) => plainType({ type: t })).join(' or ') : js.type;
  switch (type) {
    case 'integer':
    case 'number':
      return `${type}${range(js)}`;
    case 'string':
      if (js.format === 'date-time') return 'ISO 8601 UTC instant';
      return js.pattern === undefined ? 'text' : `text matching ${code(js.pattern)}`;
    case 'array': {
      const items = itemsOf(js) ?? {};
      const count = js.minItems !== undefined && js.minItems === js.maxItems ? ` (exactly ${js.minItems})` : js.minItems !== undefined && js.minItems > 0 ? ` (at least ${js.minItems})` : '';
      return `list${count} of ${items.properties === undefined ? plainType(items) : 'objects'}`;
    }
    case 'object':
      if (js.properties === undefined && typeof js.additionalProperties === 'object') {
        const keys = typeof js.propertyNames === 'object' ? js.propertyNames.enum : undefined;
        return `map from ${keys === undefined ? 'text' : keys.map((k) => code(String(k))).join(', ')} to ${plainType(js.additionalProperties)}`;
      }
      return 'object';
    case 'null':
      return code('null');
    default:
      return type ?? 'anything';
  }
}

function range(js: JsonSchema): string {
  if (js.type === 'number' && typeof js.exclusiveMinimum === 'number') return ` > ${js.exclusiveMinimum}`;
  const min = js.minimum ?? (typeof js.exclusiveMinimum === 'number' ? js.exclusiveMinimum + 1 : undefined);
  const max = js.maximum !== undefined && js.maximum < NO_LIMIT ? js.maximum : undefined;
  const lowest = min !== undefined && min > -NO_LIMIT ? min : undefined;
  if (lowest !== undefined && max !== undefined) return ` ${shownBound(lowest)}..${max}`;
  if (lowest !== undefined) return ` >= ${shownBound(lowest)}`;
  if (max !== undefined) return ` <= ${max}`;
  return '';
}

/** A lower bound as written, or of many digits exactly (the slowest rate, 1/876000): a rounded one is not the bound. */
function shownBound(bound: number): string {
  return String(bound).length <= 12 ? String(bound) : asFraction(bound);
}

function defaultText(js: JsonSchema, required: boolean): string {
  if (required) return '*required*';
  if (js.default === undefined) return '*none*';
  // A settings object's default is each field's own, listed in its section.
  if (js.properties !== undefined) return 'its fields\' defaults';
  if (js.title === 'size' && typeof js.default === 'number') return sizeText(js.default);
  return code(inline(js.default));
}

function sizeText(bytes: number): string {
  if (bytes > 0 && bytes % (1024 * 1024) === 0) return code(`${bytes / (1024 * 1024)}MB`);
  if (bytes > 0 && bytes % 1024 === 0) return code(`${bytes / 1024}KB`);
  return `${code(String(bytes))} bytes`;
}

/** The example placed under its keys, so a reader sees where it goes. */
function inPlace(trail: ReadonlyArray<string | '[]'>, value: unknown): unknown {
  return trail.reduceRight<unknown>((inner, step) => (step === '[]' ? [inner] : { [step]: inner }), value);
}

/** Block YAML, with lists of plain values on one line (`to: [a, b]`) as scenario files write them. */
function block(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

function inline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
}

function code(text: string): string {
  return `\`${text}\``;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function title(path: string): string {
  return path === '' ? 'The scenario (top level)' : code(path);
}

function depthOf(path: string): number {
  return path === '' ? 0 : path.split('.').length - 1;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function slug(path: string): string {
  return title(path).toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
}
