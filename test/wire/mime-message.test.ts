// A model message survives the socket: composed for nodemailer, parsed back with mailparser, it keeps its ledger key,
// addresses, threading headers and Thread-Index (S10); one without a Message-ID arrives without one (X: transport
// may stamp it) and keeps its key through the X-Mailflow-Key header.
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { KEY_HEADER, mailOfMessage, messageFromWire, rawWithoutMessageId } from '../../fakes/wire/mime-message.js';
import type { MailMessage } from '../../fakes/mail/mail-message.js';

const message: MailMessage = {
  key: '<reply-1@fabrikam.example>', messageId: '<reply-1@fabrikam.example>', from: 'carol@fabrikam.example',
  to: ['paul@contoso.example'], cc: ['anna@contoso.example'], subject: 'RE: Your quote CRM:0001001', sizeBytes: 6_000,
  inReplyTo: '<crm-1@contoso.example>', references: ['<crm-1@contoso.example>'], headers: { 'Thread-Index': 'AQHZabc=' },
};
const envelope = { mailFrom: 'carol@fabrikam.example', recipients: ['paul@contoso.example', 'anna@contoso.example'] };

describe('mime message', () => {
  it('round-trips a model message through nodemailer and mailparser', async () => {
    const raw = await new MailComposer(mailOfMessage(message)).compile().build();
    const back = messageFromWire(await simpleParser(raw), envelope, raw.length, '(made up)');
    expect(back).toMatchObject({
      key: message.key, messageId: message.messageId, from: message.from, to: message.to, cc: message.cc, subject: message.subject,
      inReplyTo: message.inReplyTo, references: message.references, headers: { 'Thread-Index': 'AQHZabc=' },
    });
    expect(raw.length).toBeGreaterThan(5_000);
    expect(raw.length).toBeLessThan(7_000);
  });

  it('sends a message without a Message-ID without one, and keeps its key', async () => {
    const keyless: MailMessage = { ...message, key: '(no Message-ID: traffic.messages[0])', messageId: null };
    const raw = await rawWithoutMessageId(mailOfMessage(keyless));
    expect(raw.toString()).not.toMatch(/^Message-ID:/im);
    expect(raw.toString()).toContain(`${KEY_HEADER}: (no Message-ID: traffic.messages[0])`);
    const back = messageFromWire(await simpleParser(raw), envelope, raw.length, '(made up)');
    expect(back.messageId).toBeNull();
    expect(back.key).toBe(keyless.key);
    expect(back.headers).toEqual({ 'Thread-Index': 'AQHZabc=' });
  });

  it('carries the key of a message that reuses a Message-ID, so run --wire keeps the two messages apart', async () => {
    const second: MailMessage = { ...message, key: '<reply-1@fabrikam.example> (message 2 with this Message-ID)' };
    const raw = await new MailComposer(mailOfMessage(second)).compile().build();
    expect(raw.toString()).toContain(`${KEY_HEADER}: ${second.key}`);
    expect(messageFromWire(await simpleParser(raw), envelope, raw.length, '(made up)').key).toBe(second.key);
    // A client that is not the run's own sender cannot name a key.
    expect(messageFromWire(await simpleParser(raw), envelope, raw.length, '(made up)', false).key).toBe(message.messageId);
    // A message keyed by its Message-ID carries no key header.
    expect((await new MailComposer(mailOfMessage(message)).compile().build()).toString()).not.toContain(KEY_HEADER);
  });

  it('makes a key up for a client outside the model that sends no Message-ID', async () => {
    const raw = Buffer.from('From: x@outside.example\r\nTo: paul@contoso.example\r\nSubject: hi\r\n\r\nbody\r\n');
    expect(messageFromWire(await simpleParser(raw), { mailFrom: 'x@outside.example', recipients: ['paul@contoso.example'] }, raw.length, '(made up)').key).toBe('(made up)');
  });
});
