// A scenario's E-mail Routers: `router:` holds one router install, or a list of them (one router per site, each
// near its Exchange servers with its own forward mailbox, for the same organisation). Everything that walks them
// goes through here, so each knows the field path to report problems at.
import type { RouterSection } from './router-schema.js';
import type { Scenario } from './schema.js';

export interface RouterInstall {
  readonly section: RouterSection;
  /** Where it sits in the scenario: ['router'] or ['router', k]. */
  readonly path: ReadonlyArray<string | number>;
}

export function routerInstalls(scenario: Pick<Scenario, 'router'>): RouterInstall[] {
  const router = scenario.router;
  if (router === undefined) return [];
  if (Array.isArray(router)) return router.map((section, k) => ({ section, path: ['router', k] }));
  return [{ section: router as RouterSection, path: ['router'] }];
}

/** Every router instance's actor name, across installs. */
export function routerInstanceNames(scenario: Pick<Scenario, 'router'>): string[] {
  return routerInstalls(scenario).flatMap(({ section }) => section.instances.map((i) => i.name));
}
