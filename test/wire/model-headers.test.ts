// The listener hands mailparser only the header fields the model reads: the model's message is the same as from the
// whole message, whatever else the header block holds (folded fields, Received lines, a stray line, no body).
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { mailOfMessage, messageFromWire, rawWithoutMessageId } from '../../fakes/wire/mime-message.js';
import { HeaderBlock } from '../../fakes/wire/header-block.js';
import { modelHeaders } from '../../fakes/wire/model-headers.js';
import type { MailMessage } from '../../fakes/mail/mail-message.js';

const message: MailMessage = {
  key: '<reply-1@fabrikam.example>', messageId: '<reply-1@fabrikam.example>', from: 'carol@fabrikam.example',
  to: ['paul@contoso.example'], cc: ['anna@contoso.example'], subject: 'RE: Ünïcode quote CRM:0001001', sizeBytes: 3_000,
  inReplyTo: '<crm-1@contoso.example>', references: ['<crm-1@contoso.example>', '<crm-0@contoso.example>'],
  headers: { 'Thread-Index': 'AQHZabc=', 'X-Custom': 'kept' },
};
const envelope = { mailFrom: 'carol@fabrikam.example', recipients: ['paul@contoso.example', 'anna@contoso.example'] };

function headerBlockOf(raw: Buffer): Buffer {
  const block = new HeaderBlock();
  block.add(raw);
  return block.bytes();
}

async function bothWays(raw: Buffer): Promise<void> {
  const whole = messageFromWire(await simpleParser(raw), envelope, raw.length, '(made up)');
  const picked = messageFromWire(await simpleParser(modelHeaders(headerBlockOf(raw))), envelope, raw.length, '(made up)');
  expect(picked).toEqual(whole);
}

describe('model headers', () => {
  it('gives the same model message as the whole message, for a composed one and one without a Message-ID', async () => {
    await bothWays(await new MailComposer(mailOfMessage(message)).compile().build());
    await bothWays(await rawWithoutMessageId(mailOfMessage({ ...message, key: '(no Message-ID: m1)', messageId: null })));
  });

  it('drops folded fields whole, keeps stray lines, and copes with a block that has no blank line', async () => {
    const raw = Buffer.from([
      'Received: from mx.fabrikam.example', '\tby ex1.contoso.example; Mon, 5 Jan 2026 08:00:00 +0000',
      'DKIM-Signature: v=1; a=rsa-sha256;', ' b=abc (def)', 'From: =?utf-8?Q?Carol_=C3=9C?= <Carol@Fabrikam.example>',
      'CC: anna@contoso.example', 'Subject: folded', ' subject line', 'x-mailflow-key: k1', 'X-Other: a', ' b',
      'Content-Type: text/plain; charset=utf-8', 'no colon here', '', 'body',
    ].join('\r\n'));
    const picked = modelHeaders(headerBlockOf(raw)).toString();
    expect(picked).not.toMatch(/Received|DKIM|by ex1|b=abc|Content-Type/);
    expect(picked).toContain('Subject: folded\r\n subject line\r\nx-mailflow-key: k1\r\nX-Other: a\r\n b\r\nno colon here\r\n\r\n');
    await bothWays(raw);
    await bothWays(Buffer.from('From: x@outside.example\r\nDate: Mon, 5 Jan 2026 08:00:00 +0000\r\nSubject: no body'));
  });

  it('hands back the same buffer when every field is read', () => {
    const block = Buffer.from('From: a@b.example\r\nSubject: s\r\n\r\n');
    expect(modelHeaders(block)).toBe(block);
  });
});
