// scenarios/schema.json and docs/scenario-reference.md: generated from the zod schema, kept current, and right: the
// JSON Schema accepts what the loader accepts, and every field is described with an example the real schema takes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { schemaFiles } from '../../../harness/scenario/json-schema-files.js';
import { scenarioJsonSchema, undescribedFields, type JsonSchema } from '../../../harness/scenario/json-schema.js';
import { completeExample } from '../../../harness/scenario/json-schema-examples.js';
import { scenarioSchema } from '../../../harness/scenario/schema.js';
import { DURATION_PATTERN, parseDurationMs } from '../../../harness/scenario/duration.js';
import { repoRoot } from '../../helpers/cli.js';

const schema = scenarioJsonSchema();

function validator(): (data: unknown) => string[] {
  // date-time is checked by the pattern zod emits beside it; ajv needs no format plug-in for that.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

describe('the generated scenario schema files', () => {
  for (const file of schemaFiles()) {
    it(`${file.path} is up to date with the zod schema (regenerate: npm run -s schema)`, () => {
      expect(readFileSync(join(repoRoot, file.path), 'utf8'), `${file.path} is out of date: run npm run -s schema`).toBe(file.content);
    });
  }

  it('describes every field, so the reference explains each one', () => {
    expect(undescribedFields(schema)).toEqual([]);
  });

  it('accepts every shipped scenario, as editors will check them', () => {
    const valid = validator();
    const dir = join(repoRoot, 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(valid(parse(readFileSync(join(dir, file), 'utf8'))), file).toEqual([]);
    }
  });

  it('refuses what the loader refuses: unknown fields, bad durations, wrong types', () => {
    const valid = validator();
    const base = { kind: 'scenario', name: 'x', seed: 1, start: '2026-01-05T08:00:00Z', horizon: '1h', toy: {} };
    expect(valid(base)).toEqual([]);
    expect(valid({ ...base, horizon: '90x' })).not.toEqual([]);
    expect(valid({ ...base, colour: 'blue' })).not.toEqual([]);
    expect(valid({ ...base, seed: -3 })).not.toEqual([]);
    expect(valid({ ...base, toy: { messages: 'many' } })).not.toEqual([]);
    expect(valid({ ...base, start: 'yesterday' })).not.toEqual([]);
  });

  it('gives every field an example the real schema accepts', () => {
    const example = completeExample(schema);
    const parsed = scenarioSchema.safeParse(example);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(validator()(example)).toEqual([]);
  });

  it('gives defaults as people write them: durations as text, sizes and numbers as they are', () => {
    const properties = schema.properties as Record<string, JsonSchema>;
    expect(properties.drain?.default).toBe('3d');
    expect(properties.drain?.title).toBe('duration');
    expect(schema.required).toEqual(['kind', 'name', 'seed', 'start', 'horizon']);
  });

  it('describes duration text the way the parser reads it', () => {
    const pattern = new RegExp(DURATION_PATTERN);
    for (const text of ['500ms', '90s', '5m', '2h', '3d', '1.5s', '3h59m', '1d 2h', ' 2h ']) {
      expect([text, pattern.test(text)]).toEqual([text, true]);
      expect(parseDurationMs(text)).not.toBeNull();
    }
    for (const text of ['', '90', '5 minutes', 'h', '-1h', '1w', '1h1h', '2m1h', '5ms5s']) {
      expect([text, pattern.test(text)]).toEqual([text, false]);
      expect(parseDurationMs(text)).toBeNull();
    }
  });
});
