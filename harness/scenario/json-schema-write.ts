// `npm run -s schema`: regenerates scenarios/schema.json and docs/scenario-reference.md from the zod schema. Run it
// after changing a scenario schema; a test fails while the committed files are out of date.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFileAtomic } from '../run/atomic-write.js';
import { schemaFiles } from './json-schema-files.js';

// dist/harness/scenario/ -> the repository root.
const root = fileURLToPath(new URL('../../../', import.meta.url));
for (const file of schemaFiles()) {
  writeFileAtomic(join(root, file.path), file.content);
  process.stderr.write(`wrote ${file.path}\n`);
}
