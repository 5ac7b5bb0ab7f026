/**
 * Completing a milestone is billable (milestone billing). Billing sits above
 * projects and registers a handler at boot from its `register.ts`; projects
 * calls every handler inside the transaction that completes the milestone,
 * so a failing handler leaves the milestone open.
 */
export interface CompletedMilestone {
  milestoneId: string
  projectId: string
  clientId: string
  name: string
  /** Minor units of `currency`; null when the milestone bills nothing. */
  amountCents: number | null
  currency: string
  completedAt: string
}

export type MilestoneCompletedHandler = (milestone: CompletedMilestone) => Promise<void>

const handlers = new Map<string, MilestoneCompletedHandler>()

/** Registering the same key again replaces the handler (a module reloaded in tests or dev). */
export function onMilestoneCompleted(handler: MilestoneCompletedHandler, key = 'default') {
  handlers.set(key, handler)
  return () => {
    if (handlers.get(key) === handler) handlers.delete(key)
  }
}

export async function milestoneCompleted(milestone: CompletedMilestone) {
  for (const handler of handlers.values()) await handler(milestone)
}
