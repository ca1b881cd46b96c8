// `mailflow migrate DIR [DIR ...]`: the migration wizard (S14). Each DIR holds one router's three files; at most four
// routers, 32 MB together (a setting). Everything is read and checked before anything is written: five routers, too
// many bytes, a missing or unknown file name, malformed XML all exit 2 naming which and why. What a router's Service
// folder also holds (Configuration.bin, logs) is left alone with a note, so a folder copied as it is migrates. Writes
// the server-side sync configuration as a scenario fragment (--out) and prints the review (what migrates, what does
// not and why).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEmailAgentXml } from '../../fakes/router/email-agent-xml.js';
import { parseRouterXml, RouterFileError } from '../../fakes/router/router-xml.js';
import { parseSystemStateXml } from '../../fakes/router/system-state-xml.js';
import { planMigration, type MigrationPlan, type RouterFiles } from '../../fakes/migration/migration-plan.js';
import { formatDurationMs } from '../scenario/duration.js';
import { InputError, type InputProblem } from '../scenario/input-error.js';
import { readInputFile, ROUTER_FILE_LIMIT } from '../scenario/read-input-file.js';
import { writeFileAtomic } from '../run/atomic-write.js';
import { checkWritable } from './output-path.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import { EXIT } from './exit-codes.js';
import { EMAIL_AGENT_FILE, ENCRYPTION_KEY_FILE, ROUTER_FILES as FILES, SYSTEM_STATE_FILE } from './router-file-names.js';
import { sayErr, sayOut, writeData } from './say.js';
import { oneLineText } from '../scenario/terminal-text.js';

/** S14: up to four routers, 32 MB combined (0x2000000; a site setting can override it). */
export const MAX_ROUTERS = 4;
export const DEFAULT_MAX_BYTES = 0x2000000;
const FRAGMENT = 'the server-side sync fragment';
/** domain.md (correction 2): every router's Service folder holds it; the wizard does not read it. */
const CONFIGURATION_BIN = 'Microsoft.Crm.Tools.EmailAgent.Configuration.bin';
/** The router's logs (LogFile), often beside its files. */
const isLog = (name: string): boolean => /\.log$/i.test(name);

export interface MigrateOptions {
  /** The migration's instant in the scenario's virtual time (ms); Process Email From is 24 hours before it. */
  readonly atMs: number;
  readonly maxBytes: number;
  readonly out?: string;
  readonly json?: boolean;
}

export function migrateCommand(dirs: readonly string[], options: MigrateOptions): number {
  const problem = (file: string, message: string, path = ''): InputProblem => ({ file, line: 0, column: 0, path, message });
  // A --out that cannot be written (or is a router's file) fails before the routers are read, leaving nothing behind.
  refuseOverwritingInputs([{ option: '--out', path: options.out }], dirs.flatMap((dir) => FILES.map((name) => ({ path: join(dir, name), what: 'the router file' }))));
  if (options.out !== undefined) checkWritable(options.out, FRAGMENT);
  if (dirs.length > MAX_ROUTERS) throw new InputError([problem(dirs[MAX_ROUTERS] ?? '', `${dirs.length} routers: the wizard takes at most ${MAX_ROUTERS} (S14)`)]);
  // The same router named twice would migrate its users and forward mailboxes twice.
  const twice = dirs.find((dir, i) => dirs.slice(0, i).some((other) => resolve(other) === resolve(dir)));
  if (twice !== undefined) throw new InputError([problem(twice, 'named twice: each router directory once')]);
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  let bytes = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      problems.push(problem(dir, `cannot read the directory: ${(error as Error).message}`));
      continue;
    }
    const ignored = names.filter((name) => name === CONFIGURATION_BIN || isLog(name));
    for (const name of names) {
      if (FILES.includes(name)) bytes += statSync(join(dir, name)).size;
      else if (!ignored.includes(name)) problems.push(problem(join(dir, name), `unknown file: a router directory holds ${FILES.join(', ')} (and may hold ${CONFIGURATION_BIN} and .log files, which are ignored)`));
    }
    if (ignored.length > 0) notes.push(ignoredNote(dir, ignored));
    for (const name of FILES) if (!names.includes(name)) problems.push(problem(join(dir, name), 'missing: each router needs its three files'));
  }
  if (problems.length > 0) throw new InputError(problems);
  for (const note of notes) sayErr(oneLineText(note));
  if (bytes > options.maxBytes) throw new InputError([problem(dirs.join(', '), `the files hold ${bytes} bytes together, more than ${options.maxBytes} (S14: 32 MB unless the site setting says otherwise)`)]);
  const routers: RouterFiles[] = dirs.map((dir) => {
    // The wizard loads the key first; its layout and cipher are not public, so it is only checked to be XML.
    read(join(dir, ENCRYPTION_KEY_FILE), (xml) => parseRouterXml(xml, 'EncryptionKey', []));
    const state = read(join(dir, SYSTEM_STATE_FILE), (xml) => parseSystemStateXml(xml, 0));
    if (state.corrupt) throw new InputError([{ ...problem(join(dir, SYSTEM_STATE_FILE), `corrupt: ${state.why}`), line: state.line ?? 0, column: state.column ?? 0 }]);
    return { source: dir, agent: read(join(dir, EMAIL_AGENT_FILE), parseEmailAgentXml) };
  });
  const plan = planMigration(routers, options.atMs);
  if (options.out !== undefined) writeFileAtomic(options.out, fragmentOf(plan, dirs), FRAGMENT);
  if (options.json === true) writeData(`${JSON.stringify({ ...plan, routers: dirs })}\n`);
  else sayOut(reviewOf(plan, dirs, options.out));
  return EXIT.pass;
}

/** `DIR: ignored: ...Configuration.bin (the wizard does not read it), 2 .log files`. */
function ignoredNote(dir: string, ignored: readonly string[]): string {
  const logs = ignored.filter(isLog).length;
  const parts = [
    ...(ignored.includes(CONFIGURATION_BIN) ? [`${CONFIGURATION_BIN} (the wizard does not read it)`] : []),
    ...(logs === 0 ? [] : [`${logs} .log file${logs === 1 ? '' : 's'}`]),
  ];
  return `${dir}: ignored: ${parts.join(', ')}`;
}

function read<T>(file: string, parse: (xml: string) => T): T {
  let xml: string;
  try {
    xml = readInputFile(file, ROUTER_FILE_LIMIT).toString('utf8');
  } catch (error) {
    throw new InputError([{ file, line: 0, column: 0, path: '', message: `cannot read: ${(error as Error).message}` }]);
  }
  try {
    return parse(xml);
  } catch (error) {
    if (!(error instanceof RouterFileError)) throw error;
    throw new InputError([{ file, line: error.line ?? 0, column: error.column ?? 0, path: error.where, message: error.problem }]);
  }
}

/**
 * The `sss:` section to paste into a scenario (server names are the first label of each host). Process Email From is
 * an instant as scenarios write one (`6d`, `-20h`), which the schema's instant reads back to the same milliseconds.
 */
function fragmentOf(plan: MigrationPlan, dirs: readonly string[]): string {
  const lines = [
    `# Server-side sync configuration migrated from ${dirs.length} router(s) by mailflow migrate (S14).`,
    `# Users and queues keep "Server-Side Synchronization or Email Router" access; ids: ${plan.mailboxes.map((m) => m.id).join(', ') || 'none'}.`,
    'sss:',
    '  profiles:',
    ...plan.profiles.map((p) => `    - { name: ${p.name}, server: ${p.host.split('.')[0]}, processEmailFrom: ${formatDurationMs(plan.processEmailFromMs)} }`),
    `  mailboxes:${plan.forwardMailboxes.length === 0 ? ' []' : ''}`,
    ...plan.forwardMailboxes.map((f) => `    - { address: ${f.address}, profile: ${f.profile}, deleteAfterProcessing: ${f.deleteAfterProcessing} }`),
    '',
  ];
  return lines.join('\n');
}

function reviewOf(plan: MigrationPlan, dirs: readonly string[], out: string | undefined): string {
  const lines = [`migration of ${dirs.length} router(s): ${dirs.join(', ')}`];
  lines.push(`  Process Email From: ${plan.processEmailFromMs < 0 ? `${formatDurationMs(-plan.processEmailFromMs)} before` : `${formatDurationMs(plan.processEmailFromMs)} after`} the scenario's start (24 h before the migration)`);
  for (const profile of plan.profiles) {
    const served = plan.mailboxes.filter((m) => m.profile === profile.name);
    const forward = plan.forwardMailboxes.filter((f) => f.profile === profile.name).map((f) => f.address);
    lines.push(`  profile ${profile.name} (${profile.type}, ${profile.host}): users ${served.filter((m) => m.kind === 'user').length}, queues ${served.filter((m) => m.kind === 'queue').length}${forward.length === 0 ? '' : `, forward mailbox ${forward.join(', ')}`}`);
  }
  if (plan.skipped.length === 0) lines.push('  nothing left out');
  for (const skip of plan.skipped) lines.push(`  not migrated: ${skip.source}: ${skip.what}: ${skip.reason}`);
  lines.push('  next (S14): test the mailboxes; at most 200 mailboxes every 5 hours, queues first; sync filters no older than two weeks');
  if (out !== undefined) lines.push(`  wrote ${out}`);
  // Names and addresses from the routers' XML files: a line break in one is shown, not followed.
  return lines.map(oneLineText).join('\n');
}
