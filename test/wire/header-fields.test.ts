// The listener reads a header block with mailparser's own two steps (mailsplit's Headers, MailParser#processHeaders)
// instead of simpleParser's stream: the result must be simpleParser's, field for field, on every block the listener
// can hand it (model-headers.ts output: folded fields, stray lines, encoded words, groups, no blank line, a leading
// blank line, an mbox line), and so must the model's message.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { HeaderBlock } from '../../fakes/wire/header-block.js';
import { parseHeaderBlock, type ReceivedHeaders } from '../../fakes/wire/header-fields.js';
import { mailOfMessage, messageFromWire, rawWithoutMessageId } from '../../fakes/wire/mime-message.js';
import { modelHeaders } from '../../fakes/wire/model-headers.js';
import type { MailMessage } from '../../fakes/mail/mail-message.js';

const envelope = { mailFrom: 'carol@fabrikam.example', recipients: ['paul@contoso.example', 'anna@contoso.example', 'b@c.example'] };

/** What the listener hands the parser for a raw message. */
function listenerBlock(raw: Buffer): Buffer {
  const block = new HeaderBlock();
  block.add(raw);
  return modelHeaders(block.bytes());
}

function fieldsOf(parsed: ReceivedHeaders): unknown {
  const { headers, headerLines, from, cc, subject, messageId, inReplyTo, references } = parsed;
  return { headers, headerLines, from, cc, subject, messageId, inReplyTo, references };
}

async function sameAsSimpleParser(block: Buffer): Promise<void> {
  const direct = parseHeaderBlock(block);
  const streamed = await simpleParser(block, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, keepCidLinks: true });
  expect(fieldsOf(direct)).toEqual(fieldsOf(streamed));
  expect(messageFromWire(direct, envelope, block.length, '(made up)')).toEqual(messageFromWire(streamed, envelope, block.length, '(made up)'));
}

const crlf = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));

describe('header fields', () => {
  it('reads composed messages as simpleParser does, with and without a Message-ID', async () => {
    const message: MailMessage = {
      key: '<reply-1@fabrikam.example>', messageId: '<reply-1@fabrikam.example>', from: 'carol@fabrikam.example',
      to: ['paul@contoso.example'], cc: ['anna@contoso.example'], subject: 'RE: Ünïcode quote CRM:0001001', sizeBytes: 3_000,
      inReplyTo: '<crm-1@contoso.example>', references: ['<crm-1@contoso.example>', '<crm-0@contoso.example>'],
      headers: { 'Thread-Index': 'AQHZabc=', 'X-Custom': 'kept' },
    };
    await sameAsSimpleParser(listenerBlock(await new MailComposer(mailOfMessage(message)).compile().build()));
    await sameAsSimpleParser(listenerBlock(await rawWithoutMessageId(mailOfMessage({ ...message, key: '(no Message-ID: m1)', messageId: null }))));
  });

  it('reads odd blocks as simpleParser does', async () => {
    const blocks = [
      crlf('From: =?utf-8?Q?Carol_=C3=9C?= <Carol@Fabrikam.example>', 'CC: Friends: anna@contoso.example, "B, C" <b@c.example>;', 'Subject: folded',
        ' subject line', 'x-mailflow-key: k1', 'X-Other: a', ' b', 'no colon here', '', ''),
      crlf('From: x@outside.example', 'Subject: no body, no blank line'),
      crlf('', 'From: after a leading blank line', 'Subject: body, not headers', '', ''),
      crlf('From someone@example Mon Jan  5 08:00:00 2026', 'From: mbox@outside.example', 'Subject: mbox', '', ''),
      crlf('Subject: one', 'Subject: two', 'Message-ID: no-brackets@x.example', 'References: <a@x> <b@x>', 'References: <c@x>',
        'In-Reply-To: =?utf-8?B?PGFAeD4=?=', 'Thread-Index: AQHZ', '', ''),
      crlf('From: user@xn--bcher-kva.example', 'Message-ID: <>', 'Cc: undisclosed-recipients:;', 'Subject : spaced colon', '', ''),
      crlf('X-Mailflow-Key', ' : continued key', 'From: "=?iso-8859-1?Q?Andr=E9?=" <andre@x.example>', '', ''),
      Buffer.from(`${'X-Filler: some header text to fill the block\r\n'.repeat(7_000)}From: big@x.example\r\n`),
    ];
    for (const block of blocks) await sameAsSimpleParser(listenerBlock(block));
  });

  it('reads random header blocks as simpleParser does', async () => {
    const name = fc.constantFrom('From', 'Cc', 'CC', 'Subject', 'Message-ID', 'In-Reply-To', 'References', 'Thread-Index', 'X-Mailflow-Key', 'X-Thing', 'To', 'Received', 'Content-Type');
    const word = fc.constantFrom('a@b.example', '<id@x.example>', '"Name, Q" <q@x.example>', '=?utf-8?B?w5xuw68=?=', '=?utf-8?Q?a_b?=', 'group:', ';', ',', 'plain', '(comment)', '<>', '');
    const value = fc.array(word, { maxLength: 5 }).map((words) => words.join(' '));
    const line = fc.oneof(
      fc.tuple(name, value).map(([n, v]) => `${n}: ${v}`),
      value.map((v) => ` ${v}`),
      value,
      fc.constant(''),
    );
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.boolean(), async (lines, blankEnd) => {
      await sameAsSimpleParser(listenerBlock(Buffer.from(lines.join('\r\n') + (blankEnd ? '\r\n\r\n' : ''))));
    }), { seed: 11, numRuns: 300 });
  });
});
