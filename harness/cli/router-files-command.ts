// `mailflow router-files SCENARIO --out DIR [--at-end]`: writes the scenario's router as the files a real router
// keeps (Microsoft.Crm.Tools.EmailAgent.xml and ...SystemState.xml, as the run starts or, with --at-end, as it ends),
// and an EncryptionKey.xml, so the directory is what the migration wizard reads (`mailflow migrate DIR`, S14).
// Files are written under temporary names, all three before any is renamed, so a failure leaves none of them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeEmailAgentXml } from '../../fakes/router/email-agent-xml.js';
import type { RouterDurable } from '../../fakes/router/router-service.js';
import { newSystemState } from '../../fakes/router/system-state.js';
import { writeSystemStateXml } from '../../fakes/router/system-state-xml.js';
import { InputError } from '../scenario/input-error.js';
import { loadScenarioWithFiles } from '../scenario/load-scenario.js';
import { runScenario } from '../run/run-scenario.js';
import { initialStateOf, routerConfigOf } from '../world/build-router-world.js';
import { EXIT } from './exit-codes.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import { writeOutputs } from './output-path.js';
import { EMAIL_AGENT_FILE, ENCRYPTION_KEY_FILE, ROUTER_FILES, SYSTEM_STATE_FILE } from './router-file-names.js';
import { crmOrganisations } from '../scenario/crm-organisations.js';
import { routerInstalls } from '../scenario/routers.js';
import { startEpochMs } from '../scenario/start-instant.js';
import { sayErr } from './say.js';

/**
 * [I] The real file's layout and cipher are not public (docs/domain.md); the modelled router stores no credentials
 * (its providers authenticate as Anonymous), so there is nothing for a key to decrypt. This says so, in XML, which is
 * all the migration wizard's model checks of it.
 */
const ENCRYPTION_KEY_XML = `<?xml version="1.0" encoding="utf-8"?>
<!-- Written by mailflow-sim (mailflow router-files). The real EncryptionKey.xml holds the key for the credentials
     stored in Microsoft.Crm.Tools.EmailAgent.xml; its layout is not public, and this router stores no credentials. -->
<EncryptionKey />
`;

export async function routerFilesCommand(file: string, options: { out: string; atEnd?: boolean }): Promise<number> {
  const { scenario, files } = await loadScenarioWithFiles(file);
  // A scenario whose router.configFile is in --out would have it replaced: refused before any run.
  const written = ROUTER_FILES.map((name) => join(options.out, name));
  refuseOverwritingInputs(written.map((path) => ({ option: '--out', path })), files);
  // [I] With several router installs (one per site), the first one's files are written.
  const router = routerInstalls(scenario)[0]?.section;
  const orgs = crmOrganisations(scenario).map((o) => o.section);
  const first = orgs[0];
  if (router === undefined || first === undefined) {
    throw new InputError([{ file, line: 0, column: 0, path: 'router', message: 'the scenario has no router to write files for' }]);
  }
  const config = routerConfigOf(router, first.server);
  let state = initialStateOf(router, first.server) ?? newSystemState();
  if (options.atEnd === true) {
    const instance = router.instances[0]?.name ?? 'router';
    runScenario(scenario, { atEnd: (engine) => { state = (engine.durableOf(instance) as RouterDurable).state; } });
  }
  const startMs = startEpochMs(scenario);
  const orgOf = (server: string) => orgs.find((o) => o.server === server) ?? first;
  const agent = writeEmailAgentXml(config, {
    // The URL's last segment names the organisation: load-router-files.ts maps it back.
    crmUrl: (server) => `http://${server}.${orgOf(server).domain ?? scenario.exchange?.acceptedDomains[0] ?? 'crm.invalid'}/${server}`,
    serverUrl: (server, protocol) => (protocol === 'exchange' ? `http://${server}/EWS/Exchange.asmx` : server),
    served: (server) => ({
      users: orgOf(server).users.filter((u) => u.incoming === 'forward-mailbox' || u.incoming === 'email-router' || u.outgoing === 'email-router').map((u) => u.address),
      queues: orgOf(server).queues.filter((q) => q.incoming !== 'none' || q.outgoing === 'email-router').map((q) => q.address),
    }),
  });
  try {
    mkdirSync(options.out, { recursive: true });
  } catch (error) {
    throw new InputError([{ file: options.out, line: 0, column: 0, path: '', message: `cannot write the router files: ${(error as Error).message}` }]);
  }
  // The three go together (the wizard reads them as a set): all are written before any is renamed into place.
  const what = 'the router file';
  writeOutputs([
    { path: join(options.out, EMAIL_AGENT_FILE), what, content: () => agent },
    { path: join(options.out, SYSTEM_STATE_FILE), what, content: () => writeSystemStateXml(state, startMs) },
    { path: join(options.out, ENCRYPTION_KEY_FILE), what, content: () => ENCRYPTION_KEY_XML },
  ]);
  sayErr(`wrote ${written.join(', ')}${options.atEnd === true ? ' (state at the end of the run)' : ''}`);
  return EXIT.pass;
}
