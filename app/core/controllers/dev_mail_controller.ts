import type { HttpContext } from '@adonisjs/core/http'
import { listDevMail } from '#core/mail/dev_mailbox'

/** Mail kept by the development mailbox; the route exists only outside production. */
export default class DevMailController {
  async index({ inertia }: HttpContext) {
    return inertia.render('core/dev/mail', { messages: await listDevMail() })
  }
}
