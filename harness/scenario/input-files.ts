// The files a command reads, so that no output is written over one (`mailflow run s.yaml --report s.yaml` left the
// scenario as an HTML page): a scenario file and the .eml and router files it names, found as loading finds them.
import { relatedFile } from './related-file.js';
import { routerInstalls } from './routers.js';
import type { Scenario } from './schema.js';

export interface InputFile {
  readonly path: string;
  /** What it is, for a message: `the scenario file`. */
  readonly what: string;
}

/** The files a scenario as written names (before loading folds them in and forgets their names). */
export function namedFiles(scenario: Scenario, scenarioFile: string): InputFile[] {
  const named = (name: string | undefined, what: string): InputFile[] => (name === undefined ? [] : [{ path: relatedFile(scenarioFile, name), what }]);
  return [
    ...(scenario.traffic?.eml ?? []).flatMap((entry) => named(entry.file, 'the message file')),
    ...routerInstalls(scenario).flatMap(({ section }) => [...named(section.configFile, 'the router file'), ...named(section.stateFile, 'the router state file')]),
  ];
}
