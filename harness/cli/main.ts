#!/usr/bin/env node
// The `mailflow` command line. Parsing lives here; the commands live in commands.ts. Exit codes: 0 pass, 1 fail or
// unknown, 2 bad input or usage, 3 the harness crashed.
import { MAX_SEED } from '../scenario/seed-bound.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../scenario/input-error.js';
import { runCommand, validateCommand, type RunCommandOptions } from './commands.js';
import { parseAuthOption, parseMaxSession, parseOutboundSmtp, parsePort, parseTimeScale, serveCommand, type ServeCommandOptions } from './wire-commands.js';
import { routerFilesCommand } from './router-files-command.js';
import { DEFAULT_MAX_BYTES, migrateCommand } from './migrate-command.js';
import { readDurationMs } from '../scenario/duration.js';
import { MAX_DURATION_MS, MAX_DURATION_SAID } from '../scenario/time-bounds.js';
import { EXIT } from './exit-codes.js';
import { outputPathOption } from './output-option.js';
import { fuzzCommand, fuzzMergeCommand } from './fuzz-command.js';
import { planCommand, type PlanCommandOptions } from './plan-command.js';
import { compileCommand, type CompileCommandOptions } from './compile-command.js';
import { DEFAULT_DEMO_OUT, demoCommand, type DemoCommandOptions } from './demo-command.js';
import { LANE_IDS, type LaneId } from '../demo/demo-data.js';
import { DEFAULT_OUT_DIR, DEFAULT_RUNS } from '../fuzz/fuzz-campaign.js';
import { MAX_WORKERS } from '../fuzz/fuzz-pool.js';
import { parseShard, WHOLE_CAMPAIGN, type Shard } from '../fuzz/fuzz-seed.js';
import { INJECTED_BUG_NAMES, type InjectedBug } from '../scenario/injected-bugs.js';
import { FUZZ_PATHS, type FuzzPath } from '../fuzz/fuzz-shape.js';
import { DEFAULT_MAX_FAULTS, DEFAULT_MAX_MESSAGES } from '../fuzz/arb-scenario.js';
import { packagePath } from '../package-root.js';
import { didYouMean } from '../scenario/closest-name.js';
import { commanderOutput, sayErr } from './say.js';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seed) || seed > MAX_SEED) {
    throw new InvalidArgumentError(`a seed is a whole number from 0 to ${MAX_SEED}`);
  }
  return seed;
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('mailflow')
    .description('Replay mail flow between Exchange, the CRM E-mail Router, server-side sync and CRM outbound, and check that no mail is lost or tracked twice.')
    .version(packageVersion())
    .exitOverride()
    // Escaped as the CLI's own messages are (say.ts); set before the commands are added, which copy it.
    .configureOutput(commanderOutput)
    // One line of error, then where the options are: the whole help after it buried the error.
    .showHelpAfterError('(add --help to see the command\'s options)');

  program.command('run')
    .description('run a scenario in virtual time and check it')
    .argument('<file>', 'scenario file (YAML)')
    .option('--seed <n>', 'override the scenario seed (exact expected counts are then skipped)', parseSeed)
    .option('--json', 'print the run summary as one JSON object on stdout')
    .option('--trace <file>', 'write every trace record as JSON lines', outputPathOption('--trace'))
    .option('--junit <file>', 'write the checks and expectations as JUnit XML (for CI systems)', outputPathOption('--junit'))
    .option('--report <file>', 'write a self-contained HTML report: verdict, counts, checks, timeline, latency, messages', outputPathOption('--report'))
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal (after a second of wall time)')
    .option('--no-progress', 'never show the progress bar')
    .option('--wire', 'run over real sockets: the MX servers listen on loopback, senders are pooled SMTP clients (docs/wire.md)')
    .option('--time-scale <x>', 'with --wire: virtual ms per wall ms (default 1200: 20 minutes a second)', parseTimeScale)
    .option('--outbound-smtp <host:port>', 'with --wire: send CRM\'s outbound email for real to this SMTP server (any host; the file\'s wire.outboundSmtp may name only loopback)', parseOutboundSmtp)
    .action(async (file: string, options: RunCommandOptions) => setExit(await runCommand(file, options)));

  program.command('serve')
    .description('the scenario\'s Exchange on real SMTP (loopback) until SIGINT/SIGTERM, then the run summary (docs/wire.md)')
    .argument('<scenario>', 'scenario file (YAML) with an exchange: section')
    .option('--smtp-port <n>', 'port of the first MX server, the next ones count up (0: free ports)', parsePort, 2525)
    .option('--time-scale <x>', 'virtual ms per wall ms (default 1: real time)', parseTimeScale)
    .option('--auth <user:password>', 'offer AUTH PLAIN/LOGIN with these credentials (authenticated clients may relay); other users see a command line: MAILFLOW_SMTP_AUTH=user:password keeps them out of sight', parseAuthOption)
    .option('--max-session <duration>', 'close a client\'s connection with 421 once it has lasted this long, busy or not (default 10m)', parseMaxSession)
    .option('--tls-cert <file>', 'offer STARTTLS with this PEM certificate (with --tls-key); AUTH is then offered only after STARTTLS, as Exchange\'s default connectors do')
    .option('--tls-key <file>', 'the certificate\'s private key, PEM, unencrypted (with --tls-cert)')
    .option('--host <address>', 'bind this address instead of 127.0.0.1 (reachable from the network: use with care)')
    .option('--outbound-smtp <host:port>', 'send CRM\'s outbound email for real to this SMTP server (any host; the file\'s wire.outboundSmtp may name only loopback)', parseOutboundSmtp)
    .option('--json', 'print the run summary as one JSON object on stdout')
    .option('--junit <file>', 'write the checks and expectations as JUnit XML', outputPathOption('--junit'))
    .option('--report <file>', 'write a self-contained HTML report of the session', outputPathOption('--report'))
    .option('--expect-messages <n>', 'the number of different messages your clients mean to deliver: the session fails if fewer were accepted (one given up before DATA leaves no other trace; a resend counts once when it has a Message-ID)', parseCount)
    .action(async (file: string, options: ServeCommandOptions) => setExit(await serveCommand(file, options)));

  program.command('validate')
    .description('check scenario and plan files without running them (exit 2 if any has a problem)')
    .argument('<files...>', 'scenario or plan files (YAML)')
    .action(async (files: string[]) => setExit(await validateCommand(files)));

  program.command('router-files')
    .description('write the scenario\'s E-mail Router as Microsoft.Crm.Tools.EmailAgent.xml and its SystemState.xml')
    .argument('<file>', 'scenario file (YAML) with a router section')
    .requiredOption('--out <dir>', 'directory to write the three files into', outputPathOption('--out', 'directory'))
    .option('--at-end', 'run the scenario and write the state file as it is at the end')
    .action(async (file: string, options: { out: string; atEnd?: boolean }) => setExit(await routerFilesCommand(file, options)));

  program.command('migrate')
    .description('the migration wizard: read up to four routers\' files and write the server-side sync configuration (S14)')
    .argument('<dirs...>', 'one directory per router, each holding its EmailAgent.xml, SystemState.xml and EncryptionKey.xml')
    .addOption(new Option('--at <duration>', 'the migration\'s instant in the scenario\'s virtual time, as files write durations (Process Email From is 24 h before)')
      .argParser(parseInstant).default(0, '0, the scenario\'s start'))
    .option('--max-bytes <n>', 'the limit on all files together (S14\'s site setting); each file stays at most 32 MB, what the router\'s file parser reads', parseBytes, DEFAULT_MAX_BYTES)
    .option('--out <file>', 'write the sss: scenario fragment here', outputPathOption('--out'))
    .option('--json', 'print the plan as one JSON object')
    .action((dirs: string[], options: { at: number; maxBytes: number; out?: string; json?: boolean }) =>
      setExit(migrateCommand(dirs, { atMs: options.at, maxBytes: options.maxBytes, ...(options.out === undefined ? {} : { out: options.out }), ...(options.json === true ? { json: true } : {}) })));

  program.command('demo')
    .description('the trainer view: the router and server-side sync side by side on one page, or told in the terminal')
    .argument('[file]', 'a scenario with a demo: block, or a shipped lesson by name (lesson-2-exchange-outage, or lesson-2); default: the first lesson, scenarios/lesson-1-forward-mailbox.yaml')
    // The three ways to use it (the page, one lane, the narration) do not mix: an option of another one is refused
    // rather than ignored (`--narrate --json` would print text where --json promises one JSON object).
    .addOption(new Option('--out <file>', `write the page here (default ${DEFAULT_DEMO_OUT})`).conflicts(['lane']).argParser(outputPathOption('--out')))
    .addOption(new Option('--lane <lane>', 'run one lane\'s variant and print its summary (with --json, the `mailflow run --json` object): router, or sss (sync is the same)').argParser(parseLane))
    .option('--json', 'with --lane: the run summary as JSON; otherwise both lanes\' summaries and counters')
    .addOption(new Option('--junit <file>', 'with --lane: write the lane\'s checks and expectations as JUnit XML, as mailflow run does').argParser(outputPathOption('--junit')))
    .addOption(new Option('--report <file>', 'with --lane: write the lane\'s run as a self-contained HTML report, as mailflow run --report does').argParser(outputPathOption('--report')))
    .addOption(new Option('--narrate', 'tell the story in the terminal, one step per Enter; n and Enter skips to the next caption or operation, a time (9:30) or +20m and Enter jumps ahead').conflicts(['lane', 'out', 'json', 'junit', 'report']))
    .option('--auto', 'with --narrate: tell it all without waiting')
    .option('--seed <n>', 'override the scenario seed', parseSeed)
    .action(async (file: string | undefined, options: DemoCommandOptions) => {
      for (const [flag, value] of [['--junit', options.junit], ['--report', options.report]] as const) {
        if (value !== undefined && options.lane === undefined) {
          sayErr(`mailflow demo: ${flag} goes with --lane (one lane's run, as mailflow run writes it)`);
          return setExit(EXIT.badInput);
        }
      }
      if (options.auto === true && options.narrate !== true) {
        sayErr('mailflow demo: --auto goes with --narrate (it tells the story without waiting for Enter)');
        return setExit(EXIT.badInput);
      }
      setExit(await demoCommand(file, options));
    });

  program.command('plan')
    .description('run a router-to-server-side-sync cutover plan and grade it: per batch, tracked, untracked by reason, duplicates; with recommendations')
    .argument('<file>', 'plan file (YAML, kind: plan)')
    .option('--compare <files...>', 'more plans to run and put side by side')
    .option('--sweep <n>', 'run each plan with n seeds and show medians and 95th percentiles', parseCount)
    .option('--seed <n>', 'override the plan\'s seed', parseSeed)
    .option('--what-if', 'also run each plan with its batch interval halved (not below a minute), Process Email From a week earlier, its mailboxes that nobody reads until their batch enabled first (order: unread-first), and, with faults, the mailboxes they disabled tested again after the last; say what each would save')
    .option('--json', 'print the result as one JSON object on stdout (an array with --compare)')
    .option('--report <file>', 'write a self-contained HTML report (grades, figures, a chart per plan\'s batches, recommendations) to this file', outputPathOption('--report'))
    .option('--junit <file>', 'write each plan\'s grade as JUnit XML (a failure when below its expect.grade)', outputPathOption('--junit'))
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal')
    .option('--no-progress', 'never show the progress bar')
    .action((file: string, options: PlanCommandOptions) => setExit(planCommand(file, options)));

  program.command('compile')
    .description('print the scenario a plan runs, as a scenario file (YAML) to edit and `mailflow run`')
    .argument('<file>', 'plan file (YAML, kind: plan)')
    .option('--seed <n>', 'override the plan\'s seed (it draws the failing mailboxes)', parseSeed)
    .action((file: string, options: CompileCommandOptions) => setExit(compileCommand(file, options)));

  const fuzz = program.command('fuzz')
    .description('run random scenarios against every checker; on a failure, shrink it and write it as a scenario file that `mailflow run` replays')
    .option('--runs <n>', 'runs in the whole campaign (all shards together)', parseCount, DEFAULT_RUNS)
    .option('--seed <n>', 'the campaign\'s base seed (default: a new one, printed); run k\'s seed derives from it and k', parseSeed)
    .option('--workers <n>', `threads on this machine (this one and n - 1 worker threads), at most ${MAX_WORKERS}; the result is the same for any number`, parseWorkers, 1)
    // Defaults shown as they are written: commander would print these values as JSON.
    .addOption(new Option('--shard <i/n>', 'take only the runs k with k mod n = i - 1 (1-based), to spread a campaign over machines')
      .argParser(parseShardOption).default(WHOLE_CAMPAIGN, `${WHOLE_CAMPAIGN.index}/${WHOLE_CAMPAIGN.count}`))
    .option('--check-determinism', 'run each scenario twice and fail on a different trace hash')
    .addOption(new Option('--inject-bug <name>', 'switch on a known defect, so the fuzzer must find it').choices(INJECTED_BUG_NAMES))
    .addOption(new Option('--paths <list>', `processing paths to draw from, comma-separated (${FUZZ_PATHS.join(', ')})`)
      .argParser(parsePaths).default(FUZZ_PATHS, FUZZ_PATHS.join(',')))
    .option('--max-messages <n>', 'messages per scenario at most', parseCount, DEFAULT_MAX_MESSAGES)
    .option('--max-faults <n>', 'fault windows per scenario at most', parseCountOrZero, DEFAULT_MAX_FAULTS)
    .option('--all-faults', 'also faults nothing survives (a restore without logs, X3): expect failures')
    .option('--habits', 'also people filing, deleting, moving back, replying and tracking, and a junk filter (the untracked mail they explain is allowed)')
    .option('--out <dir>', 'where counterexample scenarios are written', outputPathOption('--out', 'directory'), DEFAULT_OUT_DIR)
    .option('--json', 'print the result as one JSON object on stdout')
    .option('--junit <file>', 'write the campaign as JUnit XML (a failure when a run failed)', outputPathOption('--junit'))
    .option('--progress', 'show the progress bar on stderr even when it is not a terminal')
    .option('--no-progress', 'never show the progress bar')
    .action(async (options: FuzzCliOptions) => {
      if (options.habits === true && options.injectBug !== undefined && HIDDEN_BY_HABITS.has(options.injectBug)) {
        sayErr(`mailflow fuzz: --habits allows mail untracked as before-threshold-date, which is all that --inject-bug ${options.injectBug} does: the fuzzer could not find it. Run them separately.`);
        return setExit(EXIT.badInput);
      }
      // Each shard would draw its own random seed: shards of different campaigns, found only at `fuzz merge`.
      if (options.shard.count > 1 && options.seed === undefined) {
        sayErr(`mailflow fuzz: --shard ${options.shard.index}/${options.shard.count} needs --seed, the same on every shard, so that the shards split one campaign`);
        return setExit(EXIT.badInput);
      }
      // More threads than cores share them, each loading the code and warming up on its own: slower, not faster.
      if (options.workers > availableParallelism()) {
        sayErr(`mailflow fuzz: warning: --workers ${options.workers} is more than this machine's ${availableParallelism()} cores; the threads share them, and each loads and warms up the code on its own`);
      }
      const seed = options.seed ?? Math.floor(Math.random() * 0x1_0000_0000);
      if (options.seed === undefined && options.json !== true) sayErr(`fuzz: seed ${seed}`);
      setExit(await fuzzCommand({
        seed, runs: options.runs, shard: options.shard, workers: options.workers, checkDeterminism: options.checkDeterminism === true,
        arb: {
          survivableOnly: options.allFaults !== true, paths: options.paths, maxMessages: options.maxMessages, maxFaults: options.maxFaults,
          ...(options.injectBug === undefined ? {} : { injectBug: options.injectBug }),
          ...(options.habits === true ? { habits: true } : {}),
        },
        outDir: options.out, json: options.json === true, command: fuzzCommandLine(seed, options),
        ...(options.progress === undefined ? {} : { progress: options.progress }),
        ...(options.junit === undefined ? {} : { junit: options.junit }),
      }));
    });

  fuzz.command('merge')
    .description('combine the --json results of a campaign\'s shards into the campaign\'s result')
    .argument('<files...>', 'the shards\' --json outputs')
    .option('--json', 'print the merged result as one JSON object on stdout')
    .option('--junit <file>', 'write the merged campaign as JUnit XML', outputPathOption('--junit'))
    // `fuzz` has a --json and a --junit of its own, which commander hands to the parent: read both.
    .action((files: string[], _options: unknown, command: Command) => {
      const { json, junit } = command.optsWithGlobals<{ json?: boolean; junit?: string }>();
      setExit(fuzzMergeCommand(files, json === true, junit));
    });

  // commander's own `help bogus` printed the whole help, with exit 2 and no word that bogus is no command.
  program.helpCommand(false);
  program.command('help')
    .description('display help for a command')
    .argument('[command...]', 'the command (and subcommand: help fuzz merge)')
    .action((names: string[]) => {
      let command: Command = program;
      for (const [i, name] of names.entries()) {
        const known = command.commands.map((c) => c.name()).filter((n) => n !== 'help');
        const found = command.commands.find((c) => c.name() === name && c.name() !== 'help');
        if (found === undefined) {
          sayErr(`error: unknown command '${names.slice(0, i + 1).join(' ')}'${didYouMean(name, known)}\n(${command === program ? 'mailflow' : `mailflow ${names.slice(0, i).join(' ')}`} --help lists the commands)`);
          return setExit(EXIT.badInput);
        }
        command = found;
      }
      command.help();
    });

  return program;
}

/** Injected defects whose only symptom is untracked mail of a reason people's habits are allowed (arb-people.ts). */
const HIDDEN_BY_HABITS: ReadonlySet<InjectedBug> = new Set<InjectedBug>(['threshold-before-create']);

interface FuzzCliOptions {
  runs: number;
  seed?: number;
  workers: number;
  shard: Shard;
  checkDeterminism?: boolean;
  injectBug?: InjectedBug;
  paths: FuzzPath[];
  maxMessages: number;
  maxFaults: number;
  allFaults?: boolean;
  habits?: boolean;
  out: string;
  json?: boolean;
  progress?: boolean;
  junit?: string;
}

/** The command that repeats a campaign, for a counterexample's header (workers and output options left out). */
function fuzzCommandLine(seed: number, o: FuzzCliOptions): string {
  const parts = ['mailflow fuzz', `--seed ${seed}`, `--runs ${o.runs}`];
  if (o.shard.count > 1) parts.push(`--shard ${o.shard.index}/${o.shard.count}`);
  if (o.injectBug !== undefined) parts.push(`--inject-bug ${o.injectBug}`);
  if (o.paths.length !== FUZZ_PATHS.length) parts.push(`--paths ${o.paths.join(',')}`);
  if (o.maxMessages !== DEFAULT_MAX_MESSAGES) parts.push(`--max-messages ${o.maxMessages}`);
  if (o.maxFaults !== DEFAULT_MAX_FAULTS) parts.push(`--max-faults ${o.maxFaults}`);
  if (o.allFaults === true) parts.push('--all-faults');
  if (o.habits === true) parts.push('--habits');
  if (o.checkDeterminism === true) parts.push('--check-determinism');
  return parts.join(' ');
}

function parseCount(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new InvalidArgumentError('a whole number, at least 1');
  return Number(text);
}

function parseWorkers(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_WORKERS) {
    throw new InvalidArgumentError(`a whole number from 1 to ${MAX_WORKERS} (each thread loads the code on its own; more cost memory, never change the result)`);
  }
  return Number(text);
}

function parseCountOrZero(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new InvalidArgumentError('a whole number');
  return Number(text);
}

function parseShardOption(text: string): Shard {
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}

function parsePaths(text: string): FuzzPath[] {
  const paths = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const unknown = paths.find((p) => !(FUZZ_PATHS as readonly string[]).includes(p));
  if (unknown !== undefined || paths.length === 0) throw new InvalidArgumentError(`one or more of ${FUZZ_PATHS.join(', ')}, comma-separated`);
  return [...new Set(paths)] as FuzzPath[];
}

/** An instant after the scenario's start, written as in a scenario file: a duration, or whole milliseconds. */
function parseInstant(text: string): number {
  const ms = /^\s*\d+\s*$/.test(text) ? Number(text) : readDurationMs(text);
  if (typeof ms === 'number' && ms <= MAX_DURATION_MS) return ms;
  if (typeof ms === 'string') throw new InvalidArgumentError(`${JSON.stringify(text)} ${ms}`);
  if (typeof ms === 'number') throw new InvalidArgumentError(`${text.trim()} ms is longer than ${MAX_DURATION_SAID}, the most a scenario's time may reach`);
  throw new InvalidArgumentError('a duration such as 4h, 2d 3h or 0, or whole milliseconds (virtual time since the scenario start)');
}

/** A demo lane: `router`, or `sss`, which the narration and the summary call the sync lane: `sync` is the same. */
function parseLane(text: string): LaneId {
  if (text === 'sync') return 'sss';
  if ((LANE_IDS as readonly string[]).includes(text)) return text as LaneId;
  throw new InvalidArgumentError('a lane is router or sss (sync is the same as sss)');
}

function parseBytes(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('a whole number of bytes');
  return Number(text);
}

async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.pass;
  try {
    await buildProgram((code) => { exitCode = code; }).parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.pass : EXIT.badInput;
    if (error instanceof InputError) {
      sayErr(error.message);
      return EXIT.badInput;
    }
    sayErr(`mailflow crashed (a bug in mailflow-sim, please report it):\n${(error as Error).stack ?? String(error)}`);
    return EXIT.crashed;
  }
}

// A reader that stops early (`mailflow demo --narrate | head`) closes the pipe: later writes are dropped quietly,
// and the exit code stays the command's own (a failed run piped into `grep -q` still exits 1). Any other failure to
// write stdout is exit 3.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  // Anything else (a full disk behind `> out.json`) means the output is incomplete: not a verdict, so not exit 1.
  sayErr(`mailflow: cannot write to standard output: ${error.message}`);
  process.exit(EXIT.crashed);
});
// A failure in asynchronous work (a socket handler in wire mode) is a harness crash: exit 3 with the stack, not
// Node's default exit 1, which the contract reads as a failed run.
process.on('unhandledRejection', (reason: unknown) => {
  sayErr(`mailflow crashed (a bug in mailflow-sim, please report it):\n${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
  process.exit(EXIT.crashed);
});

process.exitCode = await main(process.argv);
