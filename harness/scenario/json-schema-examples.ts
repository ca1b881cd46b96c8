// An example value for every field of the scenario's JSON Schema, for docs/scenario-reference.md: the field's own
// `examples` (schema `.meta()`) when it has one, else one made from its type, preferring a value other than the
// default (what a person would write to change it). A test parses a scenario holding every example with the real schema.
import type { JsonSchema } from './json-schema.js';
import { TIME_AFTER_START } from './duration.js';

/** Types the scenario schemas name with `.meta({ title })`. */
const TITLED: Record<string, unknown> = {
  'email address': 'paul@contoso.example',
  name: 'ex1',
  size: '20KB',
  instant: '-1d',
};

export function exampleOf(js: JsonSchema): unknown {
  if (Array.isArray(js.examples) && js.examples.length > 0) return js.examples[0];
  if (js.const !== undefined) return js.const;
  if (js.enum !== undefined) return js.enum.find((v) => v !== js.default) ?? js.enum[0];
  if (js.title === 'duration' || js.title === TIME_AFTER_START) return typeof js.default === 'string' && js.default !== '0s' ? js.default : '30m';
  if (js.title !== undefined && js.title in TITLED) return typeof js.default === 'string' ? js.default : TITLED[js.title];
  if (js.anyOf !== undefined) {
    const branch = js.anyOf.find((b) => b.type !== 'null' && b.type !== 'array' && b.type !== 'integer') ?? js.anyOf.find((b) => b.type !== 'null') ?? js.anyOf[0];
    return branch === undefined ? null : exampleOf({ ...branch, ...(js.default === undefined ? {} : { default: js.default }) });
  }
  switch (Array.isArray(js.type) ? js.type[0] : js.type) {
    case 'boolean':
      return js.default !== true;
    case 'integer':
    case 'number':
      return numberExample(js);
    case 'string':
      if (js.format === 'date-time') return '2026-01-05T08:00:00Z';
      return typeof js.default === 'string' ? js.default : 'text';
    case 'array':
      return arrayExample(js);
    case 'object':
      return objectExample(js, false);
    default:
      return null;
  }
}

/**
 * An object with each required field set to its example, and with `all`, every field whose value is not itself an
 * object (nested objects have their own sections).
 */
export function objectExample(js: JsonSchema, all: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(js.required ?? []);
  for (const [key, field] of Object.entries(js.properties ?? {})) {
    if (typeof field === 'boolean') continue;
    if (required.has(key) || (all && !holdsObjects(field))) out[key] = exampleOf(field);
  }
  if (js.properties === undefined && typeof js.additionalProperties === 'object') {
    const keys = typeof js.propertyNames === 'object' ? js.propertyNames.enum : undefined;
    out[String(keys?.[0] ?? 'key')] = exampleOf(js.additionalProperties);
  }
  return out;
}

/** Whether a field is an object with fields of its own, or a list of them (in any branch of a union). */
export function holdsObjects(js: JsonSchema): boolean {
  if (js.properties !== undefined) return true;
  if (js.items !== undefined && !Array.isArray(js.items) && typeof js.items === 'object') return holdsObjects(js.items);
  return (js.anyOf ?? []).some((b) => holdsObjects(b));
}

function numberExample(js: JsonSchema): number {
  // A share such as a probability: a value that shows it is a fraction.
  if (js.maximum === 1 && js.minimum === 0 && js.default !== 0.25) return 0.25;
  if (typeof js.default === 'number') return js.default;
  const min = js.minimum ?? (typeof js.exclusiveMinimum === 'number' ? js.exclusiveMinimum + 1 : undefined);
  if (min !== undefined && js.maximum !== undefined && js.maximum <= 1) return (min + js.maximum) / 2;
  return Math.max(min ?? 1, 1);
}

function arrayExample(js: JsonSchema): unknown[] {
  const items = js.items !== undefined && !Array.isArray(js.items) && typeof js.items === 'object' ? js.items : {};
  const count = Math.max(js.minItems ?? 1, 1);
  return Array.from({ length: count }, () => exampleOf(items));
}

/** A value with every field, nested ones too, set to its example: what a test parses to prove the examples valid. */
export function completeExample(js: JsonSchema): unknown {
  if (js.properties !== undefined) {
    return Object.fromEntries(Object.entries(js.properties).flatMap(([key, field]) => (typeof field === 'boolean' ? [] : [[key, completeExample(field)]])));
  }
  if (holdsObjects(js)) {
    const items = !Array.isArray(js.items) && typeof js.items === 'object' ? js.items : undefined;
    if (items !== undefined) return [completeExample(items)];
    const branch = (js.anyOf ?? []).find(holdsObjects);
    if (branch !== undefined) return completeExample(branch);
  }
  return exampleOf(js);
}
