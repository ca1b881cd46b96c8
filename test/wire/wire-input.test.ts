// Input the wire meets: an outbound SMTP port out of range is bad input at its line (exit 2 from the CLI); a
// `Message-ID: <>` from a client names nothing, and an outside client cannot name a ledger key: neither merges
// unrelated messages into one life.
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { messageFromWire } from '../../fakes/wire/mime-message.js';
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import { InputError } from '../../harness/scenario/input-error.js';
import { exchangeScenarioText } from '../helpers/exchange-scenario.js';

describe('wire input', () => {
  it('refuses an outbound SMTP port outside 1..65535 with the field path and line', () => {
    for (const port of ['0', '99999']) {
      const text = exchangeScenarioText().replace('kind: scenario\n', `kind: scenario\nwire: { outboundSmtp: "127.0.0.1:${port}" }\n`);
      let problem: InputError['problems'][number] | undefined;
      try {
        parseScenarioText(text, 'wire.yaml');
      } catch (error) {
        if (error instanceof InputError) problem = error.problems[0];
      }
      expect(problem).toMatchObject({ line: 2, path: 'wire.outboundSmtp', message: 'the port is 1 to 65535' });
    }
    expect(() => parseScenarioText(exchangeScenarioText().replace('kind: scenario\n', 'kind: scenario\nwire: { outboundSmtp: "127.0.0.1:2526" }\n'), 'wire.yaml')).not.toThrow();
  });

  it('takes an empty Message-ID as none', async () => {
    const raw = 'From: carol@fabrikam.example\r\nTo: paul@contoso.example\r\nMessage-ID: <>\r\nSubject: empty id\r\n\r\nbody\r\n';
    const message = messageFromWire(await simpleParser(raw), { mailFrom: 'carol@fabrikam.example', recipients: ['paul@contoso.example'] }, raw.length, '(keyless 7)');
    expect(message.messageId).toBeNull();
    expect(message.key).toBe('(keyless 7)');
  });

  it('takes a keyless message\'s carried key only from a trusted client (run --wire), never under serve', async () => {
    const raw = 'From: carol@fabrikam.example\r\nTo: paul@contoso.example\r\nX-Mailflow-Key: <someone-else@b.example>\r\nSubject: no id\r\n\r\nbody\r\n';
    const parsed = await simpleParser(raw);
    const envelope = { mailFrom: 'carol@fabrikam.example', recipients: ['paul@contoso.example'] };
    expect(messageFromWire(parsed, envelope, raw.length, '(keyless 1)', true).key).toBe('<someone-else@b.example>');
    expect(messageFromWire(parsed, envelope, raw.length, '(keyless 1)', false).key).toBe('(keyless 1)');
  });
});
