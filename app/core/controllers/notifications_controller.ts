import type { HttpContext } from '@adonisjs/core/http'
import MarkNotificationsRead from '#core/actions/mark_notifications_read'
import { recentNotifications } from '#core/queries/user_notifications'
import { isLocalPath } from '#core/http/staff_session'

/** The header's bell: JSON for its dropdown, and marking read (Inertia posts, answered by going back). */
export default class NotificationsController {
  async index() {
    return recentNotifications()
  }

  /** `next`: following a notification's link marks it read and goes there in one visit. */
  async read({ params, request, response }: HttpContext) {
    await new MarkNotificationsRead().handle({ id: params.id })
    const next = request.input('next')
    return isLocalPath(next) ? response.redirect(next) : response.redirect().back()
  }

  async readAll({ response }: HttpContext) {
    await new MarkNotificationsRead().handle({ all: true })
    return response.redirect().back()
  }
}
