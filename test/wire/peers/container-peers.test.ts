// The same forward-mailbox check against a mail server in a container (GreenMail: SMTP, POP3 and IMAP in one), where
// a container runtime exists; where none does, the suite is skipped and says why. Unlike the Debian-package peers,
// MAILFLOW_REQUIRE_PEERS=1 does not make this skip an error.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { noContainerRuntime } from '../../helpers/peers/container-runtime.js';
import { checkForwardMailbox } from '../../helpers/peers/forward-mailbox-check.js';
import type { MailEndpoints, Protocol } from '../../helpers/peers/peer-world.js';

const GREENMAIL = 'greenmail/standalone:2.1.5';
const PORTS = { smtp: 3025, pop3: 3110, imap: 3143 } as const;

const whyNot = await noContainerRuntime();
if (whyNot !== null) console.warn(`container-peers.test: skipped, no container runtime (${whyNot})`);

describe.skipIf(whyNot !== null)('the router against a GreenMail container', () => {
  let container: StartedTestContainer;
  let store: MailEndpoints;

  beforeAll(async () => {
    // Logins are auto-created on first use with auth disabled; any password is taken.
    container = await new GenericContainer(GREENMAIL)
      .withEnvironment({ GREENMAIL_OPTS: '-Dgreenmail.setup.test.all -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled' })
      .withExposedPorts(PORTS.smtp, PORTS.pop3, PORTS.imap)
      .withWaitStrategy(Wait.forListeningPorts())
      .start();
    store = {
      host: container.getHost(), smtpPort: container.getMappedPort(PORTS.smtp), pop3Port: container.getMappedPort(PORTS.pop3),
      imapPort: container.getMappedPort(PORTS.imap), password: 'any',
    };
  }, 120_000);

  afterAll(async () => {
    await container?.stop();
  }, 60_000);

  it.each<Protocol>(['pop3', 'imap'])('over %s: each message tracked once, crash absorbed, mailbox empty', async (protocol) => {
    await checkForwardMailbox(store, protocol);
  });
});
