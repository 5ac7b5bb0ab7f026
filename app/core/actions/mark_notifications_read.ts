import { DateTime } from 'luxon'
import Notification from '#core/models/notification'

/** Marks the user's notifications read: one (someone else's id is a 404: RLS hides it) or all. */
export default class MarkNotificationsRead {
  async handle(input: { id: string } | { all: true }) {
    const now = DateTime.now()
    if ('id' in input) {
      const notification = await Notification.findOrFail(input.id)
      if (!notification.readAt) {
        notification.readAt = now
        await notification.save()
      }
      return
    }
    await Notification.query().whereNull('readAt').update({ read_at: now.toJSDate() })
  }
}
