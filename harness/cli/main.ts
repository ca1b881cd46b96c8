#!/usr/bin/env node
// The `mailflow` command line. Parsing lives here; the commands live in commands.ts. Exit codes: 0 pass, 1 fail or
// unknown, 2 bad input or usage, 3 the harness crashed.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { InputError } from '../scenario/input-error.js';
import { runCommand, validateCommand, type RunCommandOptions } from './commands.js';
import { routerFilesCommand } from './router-files-command.js';
import { DEFAULT_MAX_BYTES, migrateCommand } from './migrate-command.js';
import { parseDurationMs } from '../scenario/duration.js';
import { EXIT } from './exit-codes.js';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seed) || seed > 0xffff_ffff) {
    throw new InvalidArgumentError('a seed is a whole number from 0 to 4294967295');
  }
  return seed;
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('mailflow')
    .description('Replay mail flow between Exchange, the CRM E-mail Router, server-side sync and CRM outbound, and check that no mail is lost or tracked twice.')
    .version(packageVersion())
    .exitOverride()
    .showHelpAfterError();

  program.command('run')
    .description('run a scenario in virtual time and check it')
    .argument('<file>', 'scenario file (YAML)')
    .option('--seed <n>', 'override the scenario seed (exact expected counts are then skipped)', parseSeed)
    .option('--json', 'print the run summary as one JSON object on stdout')
    .option('--trace <file>', 'write every trace record as JSON lines')
    .option('--junit <file>', 'write the checks and expectations as JUnit XML (for CI systems)')
    .option('--report <file>', 'write a self-contained HTML report: verdict, counts, checks, timeline, latency, messages')
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal (after a second of wall time)')
    .option('--no-progress', 'never show the progress bar')
    .action(async (file: string, options: RunCommandOptions) => setExit(await runCommand(file, options)));

  program.command('validate')
    .description('check a scenario file without running it')
    .argument('<file>', 'scenario file (YAML)')
    .action(async (file: string) => setExit(await validateCommand(file)));

  program.command('router-files')
    .description('write the scenario\'s E-mail Router as Microsoft.Crm.Tools.EmailAgent.xml and its SystemState.xml')
    .argument('<file>', 'scenario file (YAML) with a router section')
    .requiredOption('--out <dir>', 'directory to write the two files into')
    .option('--at-end', 'run the scenario and write the state file as it is at the end')
    .action(async (file: string, options: { out: string; atEnd?: boolean }) => setExit(await routerFilesCommand(file, options)));

  program.command('migrate')
    .description('the migration wizard: read up to four routers\' files and write the server-side sync configuration (S14)')
    .argument('<dirs...>', 'one directory per router, each holding its EmailAgent.xml, SystemState.xml and EncryptionKey.xml')
    .option('--at <duration>', 'the migration\'s instant in the scenario\'s virtual time (Process Email From is 24 h before)', parseInstant, 0)
    .option('--max-bytes <n>', 'the limit on all files together', parseBytes, DEFAULT_MAX_BYTES)
    .option('--out <file>', 'write the sss: scenario fragment here')
    .option('--json', 'print the plan as one JSON object')
    .action((dirs: string[], options: { at: number; maxBytes: number; out?: string; json?: boolean }) =>
      setExit(migrateCommand(dirs, { atMs: options.at, maxBytes: options.maxBytes, ...(options.out === undefined ? {} : { out: options.out }), ...(options.json === true ? { json: true } : {}) })));

  return program;
}

function parseInstant(text: string): number {
  const ms = parseDurationMs(text);
  if (ms === null) throw new InvalidArgumentError('a duration such as 4h or 2d 3h (virtual time since the scenario start)');
  return ms;
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
      process.stderr.write(`${error.message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`mailflow crashed (a bug in mailflow-sim, please report it):\n${(error as Error).stack ?? String(error)}\n`);
    return EXIT.crashed;
  }
}

process.exitCode = await main(process.argv);
