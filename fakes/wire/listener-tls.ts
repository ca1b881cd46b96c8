// STARTTLS with the user's own certificate (`mailflow serve --tls-cert FILE --tls-key FILE`). Exchange's default
// receive connectors offer STARTTLS and, with BasicAuthRequireTLS, AUTH only after it, so client code set up for
// production (nodemailer's requireTLS, .NET's EnableSsl) could not talk to a listener without it. Off by default: a
// test listener has no certificate of its own, and smtp-server's built-in one has a published private key.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export interface ListenerTls {
  /** The private key, PEM (unencrypted: nobody is there to type a passphrase). */
  readonly key: string | Buffer;
  /** The certificate, PEM; a chain may follow it. */
  readonly cert: string | Buffer;
}

/** Which part is wrong: the certificate, the key, or the two together. */
export interface TlsProblem {
  readonly part: 'cert' | 'key' | 'pair';
  readonly message: string;
}

/**
 * What is wrong with a certificate and key, or null. Checked before anything listens: smtp-server reads them only at
 * a client's STARTTLS, so a bad file would fail every handshake of the session instead of the command.
 */
export function tlsProblem(tls: ListenerTls): TlsProblem | null {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(tls.cert);
  } catch (error) {
    return { part: 'cert', message: `not a certificate in PEM (${(error as Error).message})` };
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(tls.key);
  } catch (error) {
    return { part: 'key', message: `not an unencrypted private key in PEM (${(error as Error).message})` };
  }
  return cert.checkPrivateKey(key) ? null : { part: 'pair', message: 'the private key does not belong to the certificate' };
}
