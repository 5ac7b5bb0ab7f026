/*
| The portal's project page has sections other parts of the portal fill
| (Deliverables): each registers a loader here and gets its data to the page
| as `extras.<key>`, which its component (inertia/components/portal/*) reads.
| Loaders run in the request's tenant transaction, as the signed-in contact.
*/
import type { PortalSession } from '#portal/auth/portal_session'

export type ProjectPageLoader = (session: PortalSession, projectId: string) => Promise<unknown>

const loaders = new Map<string, ProjectPageLoader>()

/** Registering a key again replaces its loader (a module reloaded in tests or dev). */
export function registerProjectPageExtra(key: string, loader: ProjectPageLoader) {
  loaders.set(key, loader)
}

export async function projectPageExtras(session: PortalSession, projectId: string): Promise<Record<string, unknown>> {
  const extras: Record<string, unknown> = {}
  // One after the other: the request's queries share one connection.
  for (const [key, loader] of loaders) extras[key] = await loader(session, projectId)
  return extras
}
