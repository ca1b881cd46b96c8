// The wire commands (docs/wire.md): `mailflow run FILE --wire` and `mailflow serve SCENARIO`. Both print the run
// summary, or with --json exactly the `mailflow run --json` contract with mode "wire" and a null trace hash.
import { sayWarnings } from './say-warnings.js';
import { sayErr, sayOut, writeData } from './say.js';
import { oneLineText } from '../scenario/terminal-text.js';
import { performance } from 'node:perf_hooks';
import { InvalidArgumentError } from 'commander';
import { loadScenarioWithFiles } from '../scenario/load-scenario.js';
import { InputError } from '../scenario/input-error.js';
import type { Scenario } from '../scenario/schema.js';
import { DEFAULT_WIRE_TIME_SCALE, runScenarioOnWire } from '../run/run-wire.js';
import { DEFAULT_SERVE_TIME_SCALE, DEFAULT_SMTP_PORT, startServe } from '../run/serve-scenario.js';
import { MAX_TIMER_MS, parseAuth, type ListenerLimits } from '../../fakes/wire/listener-limits.js';
import type { RunOutcome } from '../run/run-scenario.js';
import { EXIT } from './exit-codes.js';
import { formatSummary } from './print-summary.js';
import { toRunJson } from './run-json.js';
import { toJunitXml } from './junit-xml.js';
import { serveReproduce, wireRunReproduce } from './wire-reproduce.js';
import { recordFaults, renderReport, type FaultRecorder } from '../report/render-report.js';
import { commitAll } from '../run/atomic-write.js';
import { openOutput, type Output } from './commands.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import type { InputFile } from '../scenario/input-files.js';
import { exchangeConfigOf } from '../world/build-exchange-world.js';
import { parseHostPort } from '../../fakes/wire/smtp-address.js';
import { announceOutbound } from '../run/wire-outbound-announce.js';
import { isLoopback } from '../../fakes/wire/smtp-address.js';
import { AUTH_ENV, serveCredentials } from '../run/wire-credentials.js';
import { readDurationMs } from '../scenario/duration.js';
import { readTlsFiles } from './tls-files.js';

/** The fastest time scale: a year of virtual time per wall second. */
const MAX_TIME_SCALE = 31_536_000;

/** Virtual ms per wall ms: above 0 and finite; at most a year of virtual time per wall second. */
export function parseTimeScale(text: string): number {
  const scale = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(scale > 0) || scale > MAX_TIME_SCALE) {
    throw new InvalidArgumentError(`a number of virtual ms per wall ms above 0 and at most ${MAX_TIME_SCALE} (a year a second), written in digits (1 is real time, 3600 is an hour a second)`);
  }
  return scale;
}

const MAX_PORT = 65_535;

export function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > MAX_PORT) throw new InvalidArgumentError('a TCP port from 0 to 65535 (0 picks a free one)');
  return Number(text);
}

export function parseAuthOption(text: string): { user: string; password: string } {
  const auth = parseAuth(text);
  if (typeof auth === 'string') throw new InvalidArgumentError(auth);
  return auth;
}

/** `--max-session 10m`: a duration as scenarios write it, or whole milliseconds, up to what a Node timer takes. */
export function parseMaxSession(text: string): number {
  const ms = /^\s*\d+\s*$/.test(text) ? Number(text) : readDurationMs(text);
  if (typeof ms !== 'number' || ms < 1 || ms > MAX_TIMER_MS) throw new InvalidArgumentError('a duration such as 10m or 90s (or whole milliseconds), from 1 ms to 24 days');
  return ms;
}

/** `--outbound-smtp HOST:PORT`: kept as written (the run reads it again), once it is one. */
export function parseOutboundSmtp(text: string): string {
  const address = parseHostPort(text);
  if (typeof address === 'string') throw new InvalidArgumentError(address);
  return text;
}

function problem(file: string, message: string): InputError {
  return new InputError([{ file, line: 0, column: 0, path: '', message }]);
}

/** Wire mode models Exchange on the wire: a toy scenario has nothing to listen with. */
function requireExchange(scenario: Scenario, file: string): void {
  if (scenario.exchange === undefined) throw problem(file, 'wire mode needs an exchange: section (the toy world has no SMTP server)');
}

/** The MX servers listen on ports counting up from --smtp-port (0: free ports): the last one must be a port too. */
function requirePorts(scenario: Scenario, file: string, firstPort: number): void {
  const mx = scenario.exchange === undefined ? [] : exchangeConfigOf(scenario.exchange).mx;
  const lastPort = firstPort + mx.length - 1;
  if (firstPort === 0 || lastPort <= MAX_PORT) return;
  throw problem(file, `--smtp-port ${firstPort} leaves too few ports: the ${mx.length} MX servers (${mx.join(', ')}) need ${mx.length} in a row, ${firstPort} to ${lastPort}; give at most ${MAX_PORT - mx.length + 1}, or 0 for free ports`);
}

/** The files a wire command writes besides stdout; `faults` watches the run for the report's bands. */
interface WireOutputs {
  readonly junit: Output | null;
  readonly report: Output | null;
  readonly faults: FaultRecorder | null;
}

/** Opened before the run: a path that cannot be written, or is one of `inputs`, fails at once (exit 2), as in run. */
function openWireOutputs(options: { junit?: string | undefined; report?: string | undefined }, inputs: readonly InputFile[]): WireOutputs {
  refuseOverwritingInputs([{ option: '--junit', path: options.junit }, { option: '--report', path: options.report }], inputs);
  const opened: Output[] = [];
  const open = (path: string | undefined, what: string): Output | null => {
    if (path === undefined) return null;
    openOutput(opened, path, what);
    return opened[opened.length - 1] as Output;
  };
  const junit = open(options.junit, 'the JUnit report');
  try {
    const report = open(options.report, 'the report');
    return { junit, report, faults: report === null ? null : recordFaults() };
  } catch (error) {
    junit?.writer.discard();
    throw error;
  }
}

function discardOutputs(outputs: WireOutputs): void {
  outputs.junit?.writer.discard();
  outputs.report?.writer.discard();
}

/**
 * Writes the JUnit and HTML reports asked for, then prints the summary (or the JSON) and returns the exit code.
 * `reproduce`: the command that runs it again, for the JUnit report (wire-reproduce.ts).
 */
function finish(outcome: RunOutcome, file: string, scenario: Scenario, wallMs: number, json: boolean, outputs: WireOutputs, reproduce: string): number {
  const run = toRunJson(outcome, file, Math.round(wallMs), 'wire');
  try {
    outputs.junit?.writer.line(toJunitXml(run, reproduce));
    outputs.report?.writer.line(renderReport({ outcome, file, scenario, applied: outputs.faults?.applied ?? [], mode: 'wire' }));
    // Both written before either is renamed into place: a full disk leaves neither.
    commitAll([outputs.junit, outputs.report].filter((o): o is Output => o !== null));
  } catch (error) {
    discardOutputs(outputs);
    throw error;
  }
  // The summary quotes what SMTP clients sent (Message-IDs, addresses): formatSummary and sayOut escape it.
  if (json) writeData(JSON.stringify(run) + '\n');
  else sayOut(formatSummary(run));
  return run.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}

export interface WireRunCommandOptions {
  readonly json?: boolean;
  readonly timeScale?: number;
  readonly trace?: string;
  readonly report?: string;
  readonly junit?: string;
  readonly seed?: number;
  /** CRM's outbound goes to this real SMTP server (any host), instead of the file's `wire.outboundSmtp`. */
  readonly outboundSmtp?: string;
}

export async function runWireCommand(file: string, options: WireRunCommandOptions): Promise<number> {
  // On the wire there is no trace to replay (design.md).
  if (options.trace !== undefined) throw problem(options.trace, '--trace is not available with --wire: a wire run has no trace');
  if (options.seed !== undefined) throw problem(file, '--seed is not available with --wire: a wire run is compared with the file\'s own seed');
  const { scenario, files, warnings } = await loadScenarioWithFiles(file);
  sayWarnings(warnings);
  requireExchange(scenario, file);
  if (scenario.wire === undefined || scenario.wire === false) {
    sayErr(`mailflow run --wire: ${oneLineText(file)} is not marked wire: true; its verdict and counts may differ from the virtual run's (docs/wire.md)`);
  }
  announceOutbound('mailflow run --wire', scenario, file, options.outboundSmtp, (line) => sayErr(oneLineText(line)));
  const outputs = openWireOutputs(options, files);
  try {
    const started = performance.now();
    const outcome = await runScenarioOnWire(scenario, {
      timeScale: options.timeScale ?? DEFAULT_WIRE_TIME_SCALE, ...(outputs.faults === null ? {} : { traceSink: outputs.faults.sink }),
      ...(options.outboundSmtp === undefined ? {} : { outboundSmtp: options.outboundSmtp }),
    });
    return finish(outcome, file, scenario, performance.now() - started, options.json === true, outputs, wireRunReproduce(file, options));
  } catch (error) {
    discardOutputs(outputs);
    throw error;
  }
}

export interface ServeCommandOptions {
  readonly smtpPort?: number;
  readonly timeScale?: number;
  readonly json?: boolean;
  readonly auth?: { user: string; password: string };
  /** The longest a client's connection may last (`--max-session`), in ms. */
  readonly maxSession?: number;
  /** Bind this address instead of loopback (the listener is then reachable from the network). */
  readonly host?: string;
  readonly junit?: string;
  readonly report?: string;
  /** The number of different messages the clients mean to deliver (harness/run/client-messages.ts). */
  readonly expectMessages?: number;
  /** CRM's outbound goes to this real SMTP server (any host), instead of the file's `wire.outboundSmtp`. */
  readonly outboundSmtp?: string;
  /** STARTTLS with this PEM certificate and key (both or neither); AUTH is then offered only after it. */
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

export async function serveCommand(file: string, options: ServeCommandOptions): Promise<number> {
  const { scenario, files, warnings } = await loadScenarioWithFiles(file);
  sayWarnings(warnings);
  requireExchange(scenario, file);
  requirePorts(scenario, file, options.smtpPort ?? DEFAULT_SMTP_PORT);
  announceOutbound('mailflow serve', scenario, file, options.outboundSmtp, (line) => sayErr(oneLineText(line)));
  // --auth, else the environment (where `ps` does not show the password).
  const auth = serveCredentials(options.auth, process.env);
  if (typeof auth === 'string') throw problem(AUTH_ENV, auth);
  const tls = readTlsFiles(options.tlsCert, options.tlsKey);
  const limits: Partial<ListenerLimits> = {
    ...(auth === null ? {} : { auth }),
    ...(tls === null ? {} : { tls }),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.maxSession === undefined ? {} : { maxSessionMs: options.maxSession }),
  };
  const outputs = openWireOutputs(options, files);
  const started = performance.now();
  let session;
  try {
    session = await startServe(scenario, {
      smtpPort: options.smtpPort ?? DEFAULT_SMTP_PORT, timeScale: options.timeScale ?? DEFAULT_SERVE_TIME_SCALE, limits,
      ...(options.expectMessages === undefined ? {} : { expectMessages: options.expectMessages }),
      ...(options.outboundSmtp === undefined ? {} : { outboundSmtp: options.outboundSmtp }),
      ...(outputs.faults === null ? {} : { traceSink: outputs.faults.sink }),
    });
  } catch (error) {
    discardOutputs(outputs);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw problem(file, `cannot listen: ${(error as Error).message}`);
    throw error;
  }
  // Listening for the signals before saying where it listens: a script that signals as soon as it reads the
  // `listening on` line could otherwise meet the default action (the process ends, without its summary).
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  for (const l of session.listeners) sayErr(`mailflow serve: listening on ${l.host}:${l.port} (${oneLineText(l.server)})`);
  if (options.host !== undefined && !isLoopback(options.host)) {
    sayErr(`mailflow serve: warning: ${oneLineText(options.host)} is not loopback; anyone who can reach it can send mail into the model`);
  }
  sayErr('mailflow serve: Ctrl-C (SIGINT) or SIGTERM stops, drains and prints the summary');
  await stopped;
  sayErr('mailflow serve: stopping');
  const outcome = await session.stop();
  return finish(outcome, file, scenario, performance.now() - started, options.json === true, outputs, serveReproduce(file, options));
}
