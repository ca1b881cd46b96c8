// The scenario files the package ships, by name, wherever it is installed. A path such as
// `scenarios/wire-exchange-outage.yaml` is relative to the working directory, which in a consumer's project has no
// scenarios/ (ENOENT): these paths are absolute, inside the installed package.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_SCENARIOS } from '../package-root.js';

const SCENARIOS = SHIPPED_SCENARIOS;
/** The one subdirectory of shipped files: cutover plans (`kind: plan`, for loadPlanFile). */
const PLANS = 'plans';
const YAML = '.yaml';

function yamlNames(dir: string, prefix: string): string[] {
  return readdirSync(join(SCENARIOS, dir), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(YAML))
    .map((entry) => prefix + entry.name.slice(0, -YAML.length))
    .sort();
}

/** The names shippedScenario takes: `baseline-router`, ..., then the plans as `plans/recommended`, .... */
export function shippedScenarioNames(): string[] {
  return [...yamlNames('.', ''), ...yamlNames(PLANS, `${PLANS}/`)];
}

/**
 * The absolute path of a shipped scenario file, for loadScenario, loadScenarioFile or (for `plans/...`) loadPlanFile:
 * `shippedScenario('wire-exchange-outage')` or with `.yaml`. Throws an Error listing the names for any other name.
 */
export function shippedScenario(name: string): string {
  const wanted = name.endsWith(YAML) ? name.slice(0, -YAML.length) : name;
  const names = shippedScenarioNames();
  if (!names.includes(wanted)) {
    throw new Error(`no shipped scenario named '${name}': the shipped scenarios are ${names.join(', ')} (in ${SCENARIOS})`);
  }
  return join(SCENARIOS, wanted + YAML);
}
