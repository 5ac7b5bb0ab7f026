import type { HttpContext } from '@adonisjs/core/http'
import MarkNotificationsRead from '#core/actions/mark_notifications_read'
import { recentNotifications } from '#core/queries/user_notifications'

/** The token holder's own notifications (RLS shows no one else's). */
export default class ApiNotificationsController {
  async index() {
    return recentNotifications(50)
  }

  async read({ params, response }: HttpContext) {
    await new MarkNotificationsRead().handle({ id: params.id })
    return response.noContent()
  }

  async readAll({ response }: HttpContext) {
    await new MarkNotificationsRead().handle({ all: true })
    return response.noContent()
  }
}
