// A lesson's two lanes as scenarios of their own: the file as written is the router lane, and `demo.sss` (and
// `demo.router`, if any) replace whole top-level sections and add the lane's own operations. Each variant is
// validated like a file, with problems placed at the fragment's lines, so a mistake in `demo.sss.crm` reads
// `lesson.yaml:40:9: demo.sss.crm.users[0].incoming: ...`.
import { InputError } from '../scenario/input-error.js';
import { locateIn, parseDerivedScenario, readTextFile, readYamlSource, resolveReferences, type YamlSource } from '../scenario/load-scenario.js';
import { LANE_SECTIONS, type DemoSpec } from '../scenario/demo-schema.js';
import { namedFiles, type InputFile } from '../scenario/input-files.js';
import { scenarioSchema, type Scenario } from '../scenario/schema.js';
import { LANE_IDS, type LaneId } from './demo-data.js';

export interface Lesson {
  readonly file: string;
  /** The file as written (the router lane before `demo.router`), with its `demo:` block. */
  readonly scenario: Scenario;
  readonly demo: DemoSpec;
  readonly lanes: Readonly<Record<LaneId, Scenario>>;
  /** The files it was read from: the lesson's own first, then those it and its lanes name (.eml, router files). */
  readonly files: readonly InputFile[];
}

type Data = Record<string, unknown>;

/** Reads a scenario file with a `demo:` block and builds both lanes' scenarios. */
export async function loadLesson(file: string): Promise<Lesson> {
  const source = readYamlSource(readTextFile(file), file);
  const { scenario, locate } = parseDerivedScenario(source.data, source, (path) => path);
  if (scenario.demo === undefined) {
    throw new InputError([{
      file, line: 0, column: 0, path: 'demo',
      message: 'has no demo: block, so the demo does not know how its server-side sync lane differs; see docs/demo.md, or try scenarios/lesson-1-forward-mailbox.yaml',
    }]);
  }
  // Without its own random stream per actor, the sync lane's draws would shift the senders' and the people's: the
  // two lanes would see different mail, and a class would compare two different days.
  if (scenario.randomStreams !== 'per-actor') {
    throw new InputError([locate(['randomStreams'], 'a lesson needs randomStreams: per-actor, so that both lanes see the same traffic and the same people (docs/demo.md)')]);
  }
  const base = await resolveReferences(scenario, file, locate);
  const lanes = {} as Record<LaneId, Scenario>;
  const files: InputFile[] = [{ path: file, what: 'the lesson file' }, ...namedFiles(scenario, file)];
  for (const lane of LANE_IDS) {
    const built = await laneScenario(source, base, lane);
    lanes[lane] = built.scenario;
    files.push(...built.files);
  }
  return { file, scenario: base, demo: scenario.demo, lanes, files };
}

/** The lane's scenario, and the files the lane names of its own (its `demo.<lane>.router`'s, say). */
async function laneScenario(source: YamlSource, base: Scenario, lane: LaneId): Promise<{ scenario: Scenario; files: InputFile[] }> {
  const data = source.data as Data;
  const fragment = (data['demo'] as Data)[lane] as Data | undefined;
  if (fragment === undefined && lane === 'router') return { scenario: { ...base, name: laneName(base.name, lane), demo: undefined }, files: [] };
  const { variant, sourceOf } = laneData(data, fragment ?? {}, lane);
  // R14: server-side sync processes email only once "Process Email Using" says so; without that the lane's mail
  // would end untracked with no reason a class could be given. Said before the lane is checked as a scenario, which
  // would say it without naming the lane's own faults. Unless the lane breaks the schema: a misspelt
  // `switchToServerSideSynch` is a wrong verb, which the schema's problem names at its line, with the verb meant.
  const sss = variant['sss'] as Data | null | undefined;
  const faults = Array.isArray(variant['faults']) ? variant['faults'] as unknown[] : [];
  const switches = sss == null || sss['cutover'] !== undefined || faults.some((f) => (f as Data | null)?.['verb'] === 'switchToServerSideSync');
  if (!switches && scenarioSchema.safeParse(variant).success) {
    throw new InputError([locateIn(source)(['demo', lane], `server-side sync never takes over in the ${lane} lane: add { at: 0s, verb: switchToServerSideSync, target: crm } to demo.${lane}.faults (R14), or a cutover (sss.cutover)`)]);
  }
  const { scenario, locate } = inLane(lane, () => parseDerivedScenario(variant, source, sourceOf));
  return { scenario: await resolveReferences(scenario, source.file, locate), files: namedFiles(scenario, source.file) };
}

/**
 * A problem found in a lane at a section the lane keeps from the file (the top-level `router` when the sync lane
 * changed the mailboxes, say) is the lane's problem: it says so, and how the lane can replace the section.
 */
function inLane<T>(lane: LaneId, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.problems.map((p) => {
      if (p.path.startsWith(`demo.${lane}`)) return p;
      const section = p.path.split(/[.[]/)[0] ?? '';
      const kept = (LANE_SECTIONS as readonly string[]).includes(section)
        ? `; demo.${lane}.${section} can replace it for this lane, or remove it with null` : '';
      return { ...p, message: `${p.message} (in the ${lane} lane, which keeps this from the file${kept})` };
    }));
  }
}

export function laneName(name: string, lane: LaneId): string {
  return `${name}-${lane}`;
}

/** The lane's data, and where each of its paths is written in the file (the fragment's sections, its own faults). */
export function laneData(data: Data, fragment: Data, lane: LaneId): { variant: Data; sourceOf: (path: ReadonlyArray<PropertyKey>) => PropertyKey[] } {
  const variant: Data = { ...data, name: laneName(String(data['name']), lane) };
  delete variant['demo'];
  const replaced = new Set<PropertyKey>();
  for (const section of LANE_SECTIONS) {
    if (!(section in fragment)) continue;
    replaced.add(section);
    if (fragment[section] === null) delete variant[section];
    else variant[section] = fragment[section];
  }
  const shared = Array.isArray(data['faults']) ? data['faults'] as unknown[] : [];
  const own = Array.isArray(fragment['faults']) ? fragment['faults'] as unknown[] : [];
  if (own.length > 0) variant['faults'] = [...shared, ...own];
  const sourceOf = (path: ReadonlyArray<PropertyKey>): PropertyKey[] => {
    const [head, index, ...rest] = path;
    if (head !== undefined && replaced.has(head)) return ['demo', lane, ...path];
    if (head === 'faults' && typeof index === 'number' && index >= shared.length) return ['demo', lane, 'faults', index - shared.length, ...rest];
    return [...path];
  };
  return { variant, sourceOf };
}
