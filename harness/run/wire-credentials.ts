// Where `mailflow serve` takes its AUTH credentials from: `--auth user:password`, or else the MAILFLOW_SMTP_AUTH
// environment variable. A command line is visible to every user of the machine (`ps`, /proc/PID/cmdline); a
// process's environment only to its owner, so the variable keeps the password out of sight.
import { parseAuth } from '../../fakes/wire/listener-limits.js';

export const AUTH_ENV = 'MAILFLOW_SMTP_AUTH';

export type Credentials = { readonly user: string; readonly password: string };

/**
 * The flag's credentials, else the variable's; null when neither is given (no AUTH); a string saying what is wrong
 * with the variable when it is set but is not `user:password`. An empty variable counts as unset.
 */
export function serveCredentials(flag: Credentials | undefined, env: Readonly<Record<string, string | undefined>>): Credentials | null | string {
  if (flag !== undefined) return flag;
  const text = env[AUTH_ENV];
  if (text === undefined || text === '') return null;
  const auth = parseAuth(text);
  return auth;
}
