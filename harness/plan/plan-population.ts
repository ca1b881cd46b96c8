// The plan's population as addresses: users `<site><n>@<domain>`, queues `<site>-queue<n>@<domain>`, and the router's
// one forward mailbox `crm@<domain>`, in site order (the order batches follow when queues do not go first), and the
// order the users' batches follow.
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

/**
 * The sites in the order their users are batched: as listed, or with `order: unread-first` those on Email Router
 * access first (stable otherwise), whose Inbox nobody reads between the switch and their batch (R14, S6).
 */
export function sitesInUserOrder(plan: Plan): readonly PlanSite[] {
  if (plan.cutover.order !== 'unread-first') return plan.sites;
  const direct = (site: PlanSite) => site.access === 'email-router';
  return [...plan.sites.filter(direct), ...plan.sites.filter((site) => !direct(site))];
}
