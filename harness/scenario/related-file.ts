// A file a scenario names (.eml traffic, router files) is found beside the scenario file itself, not beside a symlink
// to it: the scenario and its files travel together, and one scenario must mean one run wherever it is linked from
// (the determinism audit found a link beside another `router/` folder loading those files instead, with no word).
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function relatedFile(scenarioFile: string, name: string): string {
  let real = scenarioFile;
  try {
    real = realpathSync(scenarioFile);
  } catch {
    // A scenario given as text under a name (the library's parseScenarioText) has no file to follow.
  }
  return resolve(dirname(real), name);
}
