// Paths into the package resolve the same from source (as vitest imports them) as from dist/: a fixed
// `new URL('../../../...')` pointed one directory above the repository from source.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, packagePath } from '../../harness/package-root.js';
import { DEFAULT_LESSON } from '../../harness/cli/demo-command.js';
import { SCALE_SCENARIO } from '../../bench/scale-bench.js';
import { PLAN_FILE } from '../../bench/plan-bench.js';

describe('package root', () => {
  it('is the directory of the package.json named mailflow-sim', () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('mailflow-sim');
    expect(existsSync(join(PACKAGE_ROOT, 'scenarios', 'scale.yaml'))).toBe(true);
  });

  it('finds the default lesson and the benchmarks\' scenario files when imported from source', () => {
    for (const file of [DEFAULT_LESSON, SCALE_SCENARIO, PLAN_FILE, packagePath('scenarios/hello.yaml')]) {
      expect(existsSync(file), file).toBe(true);
    }
  });
});
