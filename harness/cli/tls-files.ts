// `mailflow serve --tls-cert FILE --tls-key FILE`: the certificate and key STARTTLS offers (fakes/wire/listener-tls.ts),
// read and checked before anything listens, so a wrong file is a clear error naming it (exit 2) and not a handshake
// failure at every client's STARTTLS.
import { readFileSync } from 'node:fs';
import { InputError } from '../scenario/input-error.js';
import { tlsProblem, type ListenerTls } from '../../fakes/wire/listener-tls.js';

function problem(file: string, message: string): InputError {
  return new InputError([{ file, line: 0, column: 0, path: '', message }]);
}

function readPem(file: string, option: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw problem(file, `${option}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Both files, or neither (null: no STARTTLS); throws an InputError naming the file at fault. */
export function readTlsFiles(certFile: string | undefined, keyFile: string | undefined): ListenerTls | null {
  if (certFile === undefined && keyFile === undefined) return null;
  const both = 'STARTTLS needs the certificate and its private key';
  if (keyFile === undefined) throw problem(certFile as string, `--tls-cert needs --tls-key as well: ${both}`);
  if (certFile === undefined) throw problem(keyFile, `--tls-key needs --tls-cert as well: ${both}`);
  const tls = { cert: readPem(certFile, '--tls-cert'), key: readPem(keyFile, '--tls-key') };
  const wrong = tlsProblem(tls);
  if (wrong === null) return tls;
  if (wrong.part === 'cert') throw problem(certFile, `--tls-cert: ${wrong.message}`);
  if (wrong.part === 'key') throw problem(keyFile, `--tls-key: ${wrong.message}`);
  throw problem(keyFile, `--tls-key: ${wrong.message} (--tls-cert ${certFile})`);
}
