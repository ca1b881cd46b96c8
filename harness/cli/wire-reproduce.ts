// The `reproduce:` line of a wire command's JUnit report. The default, `mailflow run FILE --seed N`, replays a virtual
// run: for `run --wire` or `serve` it ran something else (no sockets, another time scale, a seed the wire refuses).
// Only the options that shape the run are repeated, each word quoted for a shell (harness/fuzz/shell-quote.ts); the
// outputs are left out, as the virtual line leaves them. So are serve's AUTH credentials: a password does not belong
// in a CI artefact, and MAILFLOW_SMTP_AUTH supplies them to the repeated command as it did to the first.
import { replayCommand, shellQuoted } from '../fuzz/shell-quote.js';
import { DEFAULT_SMTP_PORT } from '../run/serve-scenario.js';

/** `--name value` for each option given (undefined: left out), the value quoted. */
function optionWords(options: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  return options.flatMap(([name, value]) => (value === undefined ? [] : [` ${name} ${shellQuoted(String(value))}`])).join('');
}

/** `mailflow run FILE --wire`, with the time scale and outbound server the run had. */
export function wireRunReproduce(file: string, options: { readonly timeScale?: number; readonly outboundSmtp?: string }): string {
  return `${replayCommand(file)} --wire${optionWords([['--time-scale', options.timeScale], ['--outbound-smtp', options.outboundSmtp]])}`;
}

export interface ServeReproduceOptions {
  readonly smtpPort?: number;
  readonly timeScale?: number;
  readonly maxSession?: number;
  readonly host?: string;
  readonly outboundSmtp?: string;
  readonly expectMessages?: number;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

/** `mailflow serve FILE`, with the options that decide where it listens, how fast it runs and how it is judged. */
export function serveReproduce(file: string, options: ServeReproduceOptions): string {
  return `mailflow serve ${shellQuoted(file)}${optionWords([
    // The default port is what `serve` takes anyway; 0 stays, as it was asked for.
    ['--smtp-port', options.smtpPort === DEFAULT_SMTP_PORT ? undefined : options.smtpPort],
    ['--time-scale', options.timeScale],
    // Whole milliseconds, which --max-session reads as such.
    ['--max-session', options.maxSession],
    ['--host', options.host],
    ['--outbound-smtp', options.outboundSmtp],
    ['--expect-messages', options.expectMessages],
    // Where the certificate and key are, never what is in them.
    ['--tls-cert', options.tlsCert],
    ['--tls-key', options.tlsKey],
  ])}`;
}
