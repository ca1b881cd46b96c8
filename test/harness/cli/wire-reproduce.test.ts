// The `reproduce:` line of a wire command's JUnit report repeats that command, not the virtual run's
// `mailflow run FILE --seed N`: the options that shape the run, each word quoted for a shell.
import { describe, expect, it } from 'vitest';
import { serveReproduce, wireRunReproduce } from '../../../harness/cli/wire-reproduce.js';

describe('wireRunReproduce', () => {
  it('is mailflow run FILE --wire, with the time scale and outbound server given, and never a seed', () => {
    expect(wireRunReproduce('s.yaml', {})).toBe('mailflow run s.yaml --wire');
    expect(wireRunReproduce('R&D (1)/s.yaml', { timeScale: 3600, outboundSmtp: '[::1]:2526' }))
      .toBe("mailflow run 'R&D (1)/s.yaml' --wire --time-scale 3600 --outbound-smtp '[::1]:2526'");
  });
});

describe('serveReproduce', () => {
  it('is mailflow serve FILE, leaving out the default port', () => {
    expect(serveReproduce('s.yaml', { smtpPort: 2525 })).toBe('mailflow serve s.yaml');
  });

  it('repeats the options that decide where it listens, how fast it runs and how it is judged', () => {
    expect(serveReproduce("it's.yaml", { smtpPort: 0, timeScale: 0.5, maxSession: 600_000, host: '0.0.0.0', outboundSmtp: 'mx.example:25', expectMessages: 3 }))
      .toBe("mailflow serve 'it'\\''s.yaml' --smtp-port 0 --time-scale 0.5 --max-session 600000 --host 0.0.0.0 --outbound-smtp mx.example:25 --expect-messages 3");
  });

  it('names the TLS certificate and key files, never what is in them', () => {
    expect(serveReproduce('s.yaml', { smtpPort: 0, tlsCert: 'certs/mx.crt', tlsKey: 'my key.pem' }))
      .toBe("mailflow serve s.yaml --smtp-port 0 --tls-cert certs/mx.crt --tls-key 'my key.pem'");
  });

  it('leaves out the AUTH credentials, which MAILFLOW_SMTP_AUTH supplies', () => {
    const options = { smtpPort: 2600, auth: { user: 'u', password: 'secret' } };
    expect(serveReproduce('s.yaml', options)).toBe('mailflow serve s.yaml --smtp-port 2600');
  });
});
