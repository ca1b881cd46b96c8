// `npm run -s schema`: regenerates scenarios/schema.json and docs/scenario-reference.md from the zod schema. Run it
// after changing a scenario schema; a test fails while the committed files are out of date.
import { writeFileAtomic } from '../run/atomic-write.js';
import { schemaFiles } from './json-schema-files.js';
import { packagePath } from '../package-root.js';

for (const file of schemaFiles()) {
  writeFileAtomic(packagePath(file.path), file.content);
  process.stderr.write(`wrote ${file.path}\n`);
}
