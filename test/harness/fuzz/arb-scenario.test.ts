// arbScenario's scenarios are valid scenario files, print as YAML that reads back to the same scenario, and keep to
// their options (paths, sizes, survivable faults only).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbScenario } from '../../../harness/fuzz/arb-scenario.js';
import { parseScenarioData, parseScenarioText } from '../../../harness/scenario/load-scenario.js';

const SEED = 20261206;

describe('arbScenario', () => {
  it('generates valid scenarios whose YAML (their toString) reads back to the same scenario', () => {
    for (const input of fc.sample(arbScenario(), { seed: SEED, numRuns: 150 })) {
      const scenario = parseScenarioData(input, 'generated');
      expect(parseScenarioText(String(input), 'generated.yaml')).toEqual(scenario);
      expect(fc.stringify(input)).toBe(String(input));
    }
  });

  it('keeps to its options: paths, messages, faults, the injected defect', () => {
    const options = { paths: ['sss' as const], maxMessages: 5, maxFaults: 1, injectBug: 'no-dedup' as const };
    for (const input of fc.sample(arbScenario(options), { seed: SEED, numRuns: 100 })) {
      const scenario = parseScenarioData(input, 'generated');
      expect(scenario.router).toBeUndefined();
      expect(scenario.sss).toBeDefined();
      expect(scenario.traffic?.messages.length).toBeLessThanOrEqual(5);
      // One window, plus the switch to server-side sync at 0 s; a crash loop may crash and restart up to five times.
      expect(scenario.faults.filter((f) => f.verb !== 'switchToServerSideSync' && f.verb !== 'up' && f.verb !== 'restart' && f.verb !== 'clearSmtpFault' && f.verb !== 'mount').length).toBeLessThanOrEqual(5);
      expect(scenario.injectBug).toBe('no-dedup');
    }
  });

  it('draws a restore without logs (X3) only when told that faults need not be survivable', () => {
    const restores = (survivableOnly: boolean) => fc.sample(arbScenario({ survivableOnly }), { seed: SEED, numRuns: 300 })
      .filter((input) => (input.faults ?? []).some((f) => f.verb === 'restore')).length;
    expect(restores(true)).toBe(0);
    expect(restores(false)).toBeGreaterThan(0);
  });

  it('draws people\'s habits and a junk filter only when asked, allowing what they explain', () => {
    const plain = fc.sample(arbScenario(), { seed: SEED, numRuns: 50 });
    expect(plain.every((input) => input.users === undefined && input.expect === undefined)).toBe(true);
    // Asking for habits changes what a seed draws; without them a seed draws what it always drew (pinned below).
    const withHabits = fc.sample(arbScenario({ habits: true }), { seed: SEED, numRuns: 200 });
    for (const input of withHabits) {
      const scenario = parseScenarioData(input, 'generated');
      expect(parseScenarioText(String(input), 'generated.yaml')).toEqual(scenario);
      expect(Object.keys(scenario.expect.untracked ?? {}).sort()).toEqual(['before-threshold-date', 'behind-watermark', 'deleted-before-tracking', 'not-in-root-inbox']);
    }
    expect(withHabits.some((input) => (input.users?.moveBack?.probability ?? 0) > 0 && (input.users?.file?.probability ?? 0) > 0)).toBe(true);
    expect(withHabits.some((input) => (input.exchange?.settings?.junkProbability ?? 0) > 0)).toBe(true);
  });

  it('gives some users Outlook with the CRM client, sometimes offline a while, and then rechecks duplicates at delivery', () => {
    const withHabits = fc.sample(arbScenario({ habits: true }), { seed: SEED, numRuns: 200 });
    const crmOf = (input: (typeof withHabits)[number]) => input.crm as { users: Array<{ address: string; outlook?: boolean; incoming?: string }>; settings?: { deliverRechecksDuplicate?: boolean } };
    const clients = withHabits.filter((input) => crmOf(input).users.some((u) => u.outlook === true));
    expect(clients.length).toBeGreaterThan(20);
    // At least half the runs keep the duplicate check as it is (no client and no App for Outlook that calls CRM).
    const rechecking = withHabits.filter((input) => crmOf(input).settings?.deliverRechecksDuplicate === true);
    expect(rechecking.length).toBeGreaterThan(0);
    expect(rechecking.length).toBeLessThan(withHabits.length * 0.6);
    for (const input of withHabits) {
      const users = crmOf(input).users.filter((u) => u.outlook === true).map((u) => `outlook:${u.address}`);
      // The known check-deliver race (R13) between a client's calls and the router or sync is ruled out, only where
      // a client calls CRM (it tracks, or takes incoming mail), or people track with the App for Outlook where sync
      // reads their mailboxes (C4): elsewhere races between other callers stay findable.
      const tracking = (input.users?.track?.probability ?? 0) > 0;
      const appCalls = tracking && input.sss !== undefined;
      const calling = appCalls || (users.length > 0 && (tracking || crmOf(input).users.some((u) => u.incoming === 'outlook')));
      expect(crmOf(input).settings?.deliverRechecksDuplicate === true).toBe(calling);
      const offline = (input.faults ?? []).filter((f) => f.verb === 'goOffline' || f.verb === 'goOnline');
      for (const fault of offline) expect(users).toContain(fault.target);
      // Every offline window ends: a goOnline follows each goOffline.
      expect(offline.filter((f) => f.verb === 'goOffline').length).toBe(offline.filter((f) => f.verb === 'goOnline').length);
    }
    expect(withHabits.some((input) => (input.faults ?? []).some((f) => f.verb === 'goOffline'))).toBe(true);
    // Some let the client bring their incoming mail to CRM (R4), never one the router reads through the forward mailbox.
    const users = withHabits.flatMap((input) => crmOf(input).users);
    expect(users.some((u) => u.incoming === 'outlook' && u.outlook === true)).toBe(true);
    expect(users.some((u) => u.incoming !== 'outlook' && u.outlook === true)).toBe(true);
    for (const input of withHabits) {
      const forwarded = new Set((input.exchange?.rules ?? []).flatMap((r) => ('users' in r ? r.users ?? [] : [])));
      for (const u of crmOf(input).users) if (u.incoming === 'outlook') expect(forwarded.has(u.address)).toBe(false);
    }
  });

  // Old seeds and counterexamples keep reproducing: the YAML of the first 40 default scenarios of this seed, as drawn
  // since before habits existed. A deliberate change to the arbitrary updates this hash and says why. (2026-12-07:
  // the description's wording only, `no fault windows` and `1 fault window`; every other line and trace hash alike.)
  it('draws, by default, the same scenarios for a seed as it always has', () => {
    const text = fc.sample(arbScenario(), { seed: SEED, numRuns: 40 }).map(String).join('\n---\n');
    expect(createHash('sha256').update(text).digest('hex')).toBe('2d215b0a87d437dff24918e3c2bd7edbdedeb332565ece91347a99a6454cc4d2');
  });

  it('draws every path and every survivable fault kind somewhere', () => {
    const samples = fc.sample(arbScenario(), { seed: SEED, numRuns: 300 });
    const verbs = new Set(samples.flatMap((input) => (input.faults ?? []).map((f) => f.verb)));
    for (const verb of ['down', 'crash', 'smtpFault', 'dismount', 'switchToServerSideSync']) expect(verbs).toContain(verb);
    expect(samples.some((input) => input.router !== undefined && input.sss !== undefined)).toBe(true);
  });
});
