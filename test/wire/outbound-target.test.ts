// Which outbound servers a scenario file may name by itself (loopback only), how a host:port is read, and the
// library's refusal: startServe and runScenarioOnWire refuse a file naming a server off this machine before anything
// listens, unless the caller names the server (`outboundSmtp`), which replaces the file's.
import { describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { formatHostPort, isLoopback, parseHostPort } from '../../fakes/wire/smtp-address.js';
import { BY_OPTION, OutboundNotLoopback, outboundTargetOf } from '../../harness/run/wire-outbound-target.js';
import { startServe } from '../../harness/run/serve-scenario.js';
import { runScenarioOnWire } from '../../harness/run/run-wire.js';
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import { InputError } from '../../harness/scenario/input-error.js';
import { exchangeScenarioText } from '../helpers/exchange-scenario.js';

function withOutbound(outboundSmtp: string) {
  return parseScenarioText(exchangeScenarioText().replace('kind: scenario\n', `kind: scenario\nwire: { outboundSmtp: "${outboundSmtp}" }\n`), 'wire.yaml');
}

describe('loopback', () => {
  it('is 127.0.0.0/8, ::1 in any spelling, and localhost; nothing else', () => {
    for (const host of ['127.0.0.1', '127.0.0.5', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LocalHost']) expect(isLoopback(host), host).toBe(true);
    // 0.0.0.0 reaches this machine on Linux, but it names no machine: refused like any other, as is a name that
    // might resolve to loopback (looked up only when the mail is sent) and forms of 127.0.0.1 only some resolvers read.
    for (const host of ['128.0.0.1', '10.0.0.1', '192.0.2.25', '0.0.0.0', '::', '::2', 'localhost.example', '127.0.0.1.nip.io', 'mail.victim-corp.example', '2130706433', '127.1', '0x7f.0.0.1']) {
      expect(isLoopback(host), host).toBe(false);
    }
  });

  it('reads host:port and [IPv6]:port, and refuses anything else', () => {
    expect(parseHostPort('127.0.0.1:2526')).toEqual({ host: '127.0.0.1', port: 2526 });
    expect(parseHostPort('[::1]:25')).toEqual({ host: '::1', port: 25 });
    expect(parseHostPort('mail_1.example:587')).toEqual({ host: 'mail_1.example', port: 587 });
    expect(formatHostPort({ host: '::1', port: 25 })).toBe('[::1]:25');
    expect(parseHostPort('127.0.0.1:0')).toBe('the port is 1 to 65535');
    expect(parseHostPort('[abc]:25')).toBe('[abc] is not an IPv6 address');
    for (const text of ['::1:25', 'mail.example', ':25', 'a b:25', 'user@host:25', '\u001b]0;x\u0007:25', 'host:25 ']) expect(parseHostPort(text), text).toMatch(/^expected host:port/);
  });

  it('a scenario file may write [::1]:port, and nothing with a control character in it', () => {
    expect(outboundTargetOf(withOutbound('[::1]:2526'), undefined, BY_OPTION)).toEqual({ host: '::1', port: 2526, namedBy: 'file' });
    expect(() => withOutbound('\\e]0;pwned\\a:2526')).toThrow(InputError);
  });
});

describe('the outbound server a scenario names', () => {
  it('is taken from the file on loopback, from the caller anywhere (replacing the file\'s), and refused from the file elsewhere', () => {
    expect(outboundTargetOf(withOutbound('localhost:2526'), undefined, BY_OPTION)).toEqual({ host: 'localhost', port: 2526, namedBy: 'file' });
    expect(outboundTargetOf(withOutbound('192.0.2.25:25'), 'mail.example.net:587', BY_OPTION)).toEqual({ host: 'mail.example.net', port: 587, namedBy: 'caller' });
    expect(outboundTargetOf(parseScenarioText(exchangeScenarioText(), 'plain.yaml'), undefined, BY_OPTION)).toBeNull();
    expect(() => outboundTargetOf(withOutbound('192.0.2.25:25'), undefined, BY_OPTION)).toThrow(OutboundNotLoopback);
    expect(() => outboundTargetOf(withOutbound('127.0.0.1:25'), 'not an address', BY_OPTION)).toThrow(RangeError);
  });

  it('off loopback stops startServe and runScenarioOnWire before anything listens, saying how to send there', async () => {
    const scenario = withOutbound('192.0.2.25:25');
    const how = "To send there, say so with the option { outboundSmtp: '192.0.2.25:25' }";
    // The port is taken: had startServe got as far as listening, it would have failed with EADDRINUSE instead.
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    try {
      await expect(startServe(scenario, { smtpPort: (taken.address() as AddressInfo).port })).rejects.toThrow(how);
    } finally {
      taken.close();
    }
    await expect(runScenarioOnWire(scenario)).rejects.toThrow(how);
  });
});
