/**
 * The staff dashboard's widgets by role. Core renders /dashboard but knows
 * nothing of what the higher modules report: they register a loader per role
 * at boot (Reports, from its `register.ts`), and the dashboard passes what it
 * returns to the page as `widgets`. Without a loader, `widgets` is null.
 */
import type { StaffIdentity, StaffRole } from '#core/public/users'

export type DashboardLoader = (user: StaffIdentity) => Promise<object>

const loaders = new Map<StaffRole, DashboardLoader>()

/** Registering a role again replaces its loader (a module reloaded in tests or dev). */
export function registerDashboardWidgets(role: StaffRole, loader: DashboardLoader) {
  loaders.set(role, loader)
}

export async function dashboardWidgets(user: StaffIdentity): Promise<object | null> {
  const loader = loaders.get(user.role)
  return loader ? loader(user) : null
}
