// `mailflow compile PLAN [--seed N]`: the scenario a plan runs, as a scenario file on stdout. A plan describes a
// population and a schedule; to change what it cannot say (the topology, a retest after an outage, a fault on one
// mailbox) or to get a run's timeline report, compile it, edit the scenario and `mailflow run` it.
import { compilePlan } from '../plan/compile-plan.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { scenarioYaml } from '../fuzz/scenario-yaml.js';
import { EXIT } from './exit-codes.js';
import { writeData } from './say.js';
import { oneLineText } from '../scenario/terminal-text.js';

export interface CompileCommandOptions {
  readonly seed?: number;
}

export function compileCommand(file: string, options: CompileCommandOptions): number {
  const plan = loadPlanFile(file);
  const seed = options.seed ?? plan.seed;
  const { input } = compilePlan(plan, seed, file);
  // The scenario is data (YAML quotes what needs it), written as it is. The header is comment lines: a line break in
  // the plan's name or file would end the comment and put the rest into the scenario, so it is shown as \n.
  writeData(scenarioYaml(input, [
    `The plan ${oneLineText(file)} (${oneLineText(plan.name)}), seed ${seed}, compiled by mailflow compile: the scenario \`mailflow plan\` runs.`,
    'Durations are in milliseconds (a bare number); the failing mailboxes are the ones the seed drew (failureRate),',
    'each retried as the plan says. It has no expect: block: add one, then `mailflow run` it.',
  ]));
  return EXIT.pass;
}
