// The shape of the organisations the fuzzer generates: a few users on one or two Exchange servers, each with one
// database, an optional queue, and the E-mail Router's forward mailbox where a router runs. Names are fixed so a
// counterexample reads like a hand-written scenario.
import type { z } from 'zod';
import type { scenarioSchema } from '../scenario/schema.js';

/** A scenario as YAML holds it, before the schema fills in defaults: what the arbitraries build. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type FaultInput = NonNullable<ScenarioInput['faults']>[number];
/** One CRM organisation's `crm:` section (generated scenarios have one). */
export type CrmInput = Exclude<NonNullable<ScenarioInput['crm']>, readonly unknown[]>;

/** How the organisation processes email: the router, server-side sync, or a cutover from one to the other. */
export type FuzzPath = 'router' | 'sss' | 'cutover';
export const FUZZ_PATHS: readonly FuzzPath[] = ['router', 'sss', 'cutover'];

export const DOMAIN = 'contoso.example';
export const SENDER = { name: 'fabrikam', domain: 'fabrikam.example' } as const;
export const FORWARD_MAILBOX = `crm@${DOMAIN}`;
export const QUEUE = `support@${DOMAIN}`;
export const CRM_SERVER = 'crm';
export const ROUTER = 'router';
export const SSS = 'sss';
const USER_NAMES = ['paul', 'anna', 'ines', 'omar', 'lena', 'marc'] as const;
export const MAX_USERS = USER_NAMES.length;

export function userAddress(index: number): string {
  return `${USER_NAMES[index % USER_NAMES.length] ?? 'user'}@${DOMAIN}`;
}

export function serverName(index: number): string {
  return `ex${index + 1}`;
}
