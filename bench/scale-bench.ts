// scale: `scenarios/scale.yaml` (10,000 mailboxes, about 1,000,000 messages) run end to end in a fresh process.
// Goal (issue 7): at least 100,000 simulated messages per wall-clock second, under 1.5 GB peak RSS.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScaleRunFigures } from './scale-run.js';
import { transparentHugePages } from './huge-pages.js';
import { packagePath } from '../harness/package-root.js';

export type ScaleBench = Omit<ScaleRunFigures, 'verdict'> & {
  /** The machine's transparent huge pages mode (huge-pages.ts): it moves the figures by about 15 %. */
  transparentHugePages: string;
};

export const SCALE_SCENARIO = packagePath('scenarios/scale.yaml');

export function benchScale(file: string = SCALE_SCENARIO): ScaleBench {
  const script = fileURLToPath(new URL('./scale-run.js', import.meta.url));
  const child = spawnSync(process.execPath, [script, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`scale benchmark: ${file} did not run (exit ${child.status ?? child.signal})`);
  const { verdict, ...figures } = JSON.parse(child.stdout) as ScaleRunFigures;
  // A run that no longer passes measures something else than the scenario promises: say so rather than print figures.
  if (verdict !== 'pass') throw new Error(`scale benchmark: ${file} ended ${verdict}; run it with \`mailflow run\` to see why`);
  return { ...figures, transparentHugePages: transparentHugePages() };
}
