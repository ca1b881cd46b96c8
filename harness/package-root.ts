// The installed package's own directory, found by walking up from this module to the package.json named
// mailflow-sim. A fixed `new URL('../../../', import.meta.url)` is right from dist/harness/... only: imported from
// source (vitest, tsx) it points one directory too high.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'mailflow-sim';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json named ${PACKAGE_NAME} above ${start}`);
  }
}

/** The directory holding mailflow-sim's package.json, scenarios/ and docs/. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The shipped scenarios, lessons and (under plans/) plans. */
export const SHIPPED_SCENARIOS = join(PACKAGE_ROOT, 'scenarios');

/** A path inside the package, such as `scenarios/scale.yaml`. */
export function packagePath(relative: string): string {
  return join(PACKAGE_ROOT, relative);
}
