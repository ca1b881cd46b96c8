// The problems a scenario text is refused with, as `path: message` lines (empty when it loads).
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import { InputError } from '../../harness/scenario/input-error.js';

export function inputProblems(text: string, file = 'bad.yaml'): string[] {
  try {
    parseScenarioText(text, file);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}
