// `mailflow compile PLAN [--seed N]`: the scenario a plan runs, as a scenario file on stdout. A plan describes a
// population and a schedule; to change what it cannot say (the topology, a retest after an outage, a fault on one
// mailbox) or to get a run's timeline report, compile it, edit the scenario and `mailflow run` it.
import { compilePlan } from '../plan/compile-plan.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { scenarioYaml } from '../fuzz/scenario-yaml.js';
import { EXIT } from './exit-codes.js';

export interface CompileCommandOptions {
  readonly seed?: number;
}

export function compileCommand(file: string, options: CompileCommandOptions): number {
  const plan = loadPlanFile(file);
  const seed = options.seed ?? plan.seed;
  const { input } = compilePlan(plan, seed, file);
  process.stdout.write(scenarioYaml(input, [
    `The plan ${file} (${plan.name}), seed ${seed}, compiled by mailflow compile: the scenario \`mailflow plan\` runs.`,
    'Durations are in milliseconds (a bare number); the failing mailboxes are the ones the seed drew (failureRate),',
    'each retried as the plan says. It has no expect: block: add one, then `mailflow run` it.',
  ]));
  return EXIT.pass;
}
