// The scenario language as JSON Schema (scenarios/schema.json), generated from the zod schema so editors complete and
// check scenario files with the same rules the loader applies (apart from references between parts of the world,
// which check-consistency.ts judges). It describes what a person writes: the input side, where defaults make fields
// optional and durations are text (`90s`) or milliseconds.
import { z } from 'zod';
import { durationMs, formatDurationMs, TIME_AFTER_START } from './duration.js';
import { sizeBytes } from './size.js';
import { scenarioSchema } from './schema.js';

export type JsonSchema = z.core.JSONSchema.BaseSchema;

export function scenarioJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: 'draft-2020-12',
    io: 'input',
    // Inline every use, so each field carries its own description and default and the file reads top to bottom.
    reused: 'inline',
    override: ({ zodSchema, jsonSchema }) => {
      // On the input side zod drops the examples and default of a field whose schema transforms (durations, sizes,
      // lower-cased addresses), as they are output values. Ours are written as people write them; put them back.
      const examples = z.globalRegistry.get(zodSchema)?.examples;
      if (Array.isArray(examples) && jsonSchema.examples === undefined) jsonSchema.examples = examples;
      if (zodSchema._zod.def.type === 'default' && jsonSchema.default === undefined) {
        jsonSchema.default = asWritten(jsonValue((zodSchema._zod.def as { defaultValue: unknown }).defaultValue), jsonSchema);
      }
    },
  });
  const { $schema, ...rest } = schema;
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    title: 'mailflow-sim scenario',
    description: 'A scenario for `mailflow run`: the world, its traffic, timed faults and operations, and what the run is expected to show.',
    ...rest,
  };
}

function jsonValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** A default (an output value) as a person writes it: durations as `5m`, also inside object and list defaults. */
function asWritten(value: unknown, js: JsonSchema): unknown {
  if ((js.title === 'duration' || js.title === TIME_AFTER_START) && typeof value === 'number') return formatDurationMs(value);
  if (Array.isArray(value)) {
    const items = typeof js.items === 'object' && !Array.isArray(js.items) ? js.items : {};
    return value.map((v) => asWritten(v, items));
  }
  if (typeof value === 'object' && value !== null) {
    const shape = js.properties !== undefined ? js : js.anyOf?.find((b) => b.properties !== undefined);
    return Object.fromEntries(Object.entries(value).map(([key, v]) => {
      const field = shape?.properties?.[key];
      return [key, typeof field === 'object' ? asWritten(v, field) : v];
    }));
  }
  return value;
}

/**
 * Paths of fields with no description of their own (a bare duration or size only says what such a value looks like):
 * the reference would leave them unexplained.
 */
export function undescribedFields(schema: JsonSchema): string[] {
  const generic = new Set([durationMs.description, sizeBytes.description]);
  const out = new Set<string>();
  const visit = (js: JsonSchema, path: string): void => {
    for (const [name, field] of Object.entries(js.properties ?? {})) {
      if (typeof field === 'boolean') continue;
      const fieldPath = path === '' ? name : `${path}.${name}`;
      if (field.description === undefined || generic.has(field.description)) out.add(fieldPath);
      visit(field, fieldPath);
    }
    if (typeof js.items === 'object' && !Array.isArray(js.items)) visit(js.items, `${path}[]`);
    for (const branch of js.anyOf ?? []) visit(branch, path);
  };
  visit(schema, '');
  return [...out];
}
