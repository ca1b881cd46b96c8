// The files generated from the scenario schema, with where they live in the repository: written by
// `npm run -s schema` (json-schema-write.ts), compared with the committed ones by a test.
import { scenarioJsonSchema } from './json-schema.js';
import { scenarioReference } from './json-schema-reference.js';

export interface GeneratedFile {
  /** Relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

export function schemaFiles(): GeneratedFile[] {
  const schema = scenarioJsonSchema();
  return [
    { path: 'scenarios/schema.json', content: `${JSON.stringify(schema, null, 2)}\n` },
    { path: 'docs/scenario-reference.md', content: scenarioReference(schema) },
  ];
}
