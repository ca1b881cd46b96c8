// The plan's population as addresses: users `<site><n>@<domain>`, queues `<site>-queue<n>@<domain>`, and the router's
// one forward mailbox `crm@<domain>`, in site order (the order batches follow when queues do not go first).
import type { Plan, PlanSite } from './plan-schema.js';

export function forwardMailboxOf(plan: Plan): string {
  return `crm@${plan.domain}`;
}

export function userAddresses(plan: Plan, site: PlanSite): string[] {
  return Array.from({ length: site.users }, (_, i) => `${site.name}${i + 1}@${plan.domain}`);
}

export function queueAddresses(plan: Plan, site: PlanSite): string[] {
  return Array.from({ length: site.queues }, (_, i) => `${site.name}-queue${i + 1}@${plan.domain}`);
}

export function serverOf(site: PlanSite): string {
  return `ex-${site.name}`;
}

export function databasesOf(site: PlanSite): string[] {
  return Array.from({ length: site.databases }, (_, i) => `${site.name}-db${i + 1}`);
}

/** Every user and queue mailbox, in site order (the forward mailbox not included). */
export function planMailboxes(plan: Plan): string[] {
  return plan.sites.flatMap((site) => [...userAddresses(plan, site), ...queueAddresses(plan, site)]);
}
