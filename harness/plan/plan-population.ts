// The plan's population as addresses: users `<site><n>@<domain>`, queues `<site>-queue<n>@<domain>`, and the router's
// one forward mailbox `crm@<domain>`, in site order (the order batches follow when queues do not go first), and the
// order the users' batches follow.
import type { Plan, PlanSite } from './plan-schema.js';
import { inCutoverOrder } from '../world/cutover-order.js';

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
 * The sites in the order their users are batched (harness/world/cutover-order.ts): as listed, or with `order:
 * unread-first` those on Email Router access first (stable otherwise), whose Inbox nobody reads between the switch
 * and their batch (R14, S6). The compiled scenario lists its CRM users so, and its tracking tokens number them so (S11).
 */
export function sitesInUserOrder(plan: Plan): readonly PlanSite[] {
  return inCutoverOrder(plan.sites, plan.cutover.order, (site) => ({ user: true, routerRead: site.access === 'email-router' }));
}
