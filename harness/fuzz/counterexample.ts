// Writes a shrunk counterexample as a scenario file under the output directory (fuzz-out/ by default, never
// scenarios/), atomically, with a header that says how it was found and how to replay it. The file holds everything
// the failure needs, the injected defect (`injectBug:`) included, so `mailflow run FILE` fails the same way.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../run/atomic-write.js';
import { scenarioYaml } from './scenario-yaml.js';
import type { ScenarioInput } from './fuzz-shape.js';
import { replayCommand } from './shell-quote.js';

export interface CounterexampleFacts {
  readonly command: string;
  readonly run: number;
  readonly runSeed: number;
  readonly steps: number;
  readonly attempts: number;
  readonly problems: readonly string[];
}

/**
 * `fuzz-7-run-21`, then what else decides run 21's scenario, so campaigns with other settings do not overwrite each
 * other's files: the injected defect (`-no-dedup`) and, for a generator other than the default (--paths, --habits,
 * --max-messages, ...), the first digits of its fingerprint (`-g3fa9c2d1`).
 */
export function counterexampleName(seed: number, run: number, injectBug: string | undefined, generator: string | null): string {
  return `fuzz-${seed}-run-${run}${injectBug === undefined ? '' : `-${injectBug}`}${generator === null ? '' : `-g${generator.slice(0, 8)}`}`;
}

/** Writes the file and returns its path. */
export function writeCounterexample(outDir: string, name: string, scenario: ScenarioInput, facts: CounterexampleFacts): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${name}.yaml`);
  const header = [
    `A counterexample found by \`${facts.command}\`:`,
    `run ${facts.run} (seed ${facts.runSeed}), shrunk in ${facts.steps} step${facts.steps === 1 ? '' : 's'} (${facts.attempts} smaller case${facts.attempts === 1 ? '' : 's'} tried).`,
    'It fails:',
    ...facts.problems.map((p) => `  ${p}`),
    // Quoted as the terminal's replay line is: --out may hold a space or shell syntax (`R&D (1)`).
    `Replay: ${replayCommand(path)}`,
  ];
  writeFileAtomic(path, scenarioYaml({ ...scenario, name }, header), 'the counterexample');
  return path;
}
