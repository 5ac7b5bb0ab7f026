import Notification from '#core/models/notification'

export interface NotificationDto {
  id: string
  kind: string
  title: string
  body: string | null
  href: string | null
  createdAt: string
  readAt: string | null
}

function toNotificationDto(notification: Notification): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    href: notification.href,
    createdAt: notification.createdAt.toISO()!,
    readAt: notification.readAt?.toISO() ?? null,
  }
}

/** The signed-in user's notifications, newest first (RLS: only their own rows exist for them). */
export async function recentNotifications(limit = 20) {
  const rows = await Notification.query().orderBy('createdAt', 'desc').orderBy('id').limit(limit)
  return { notifications: rows.map(toNotificationDto), unread: await unreadNotificationCount() }
}

export async function unreadNotificationCount(): Promise<number> {
  const [row] = await Notification.query().whereNull('readAt').count('* as total')
  return Number(row.$extras.total)
}
