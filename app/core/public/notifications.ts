/**
 * In-app notifications for other modules: `notifyUsers()` puts a message
 * under the header's bell of each user. Runs in the caller's tenant
 * transaction; only server code acting as `system` (jobs) may notify others.
 */
import { tenancy } from '#core/tenancy/tenant_context'

export interface NewNotification {
  /** What it is about, for grouping later, e.g. 'projects.budget_alert'. */
  kind: string
  title: string
  body?: string | null
  /** An app path the notification links to, e.g. `/projects/<id>`. */
  href?: string | null
}

export async function notifyUsers(userIds: string[], notification: NewNotification) {
  const unique = [...new Set(userIds)]
  if (unique.length === 0) return
  const agencyId = tenancy.agencyId()
  // No RETURNING: the system role may insert notifications but not read them.
  await tenancy
    .client()
    .table('notifications')
    .insert(
      unique.map((userId) => ({
        agency_id: agencyId,
        user_id: userId,
        kind: notification.kind,
        title: notification.title,
        body: notification.body ?? null,
        href: notification.href ?? null,
      }))
    )
}
