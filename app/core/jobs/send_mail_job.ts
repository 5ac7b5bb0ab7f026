import mail from '@adonisjs/mail/services/main'
import { Job } from '@rlanz/bull-queue'
import type { MessageBodyTemplates, NodeMailerMessage } from '@adonisjs/mail/types'

export interface SendMailPayload {
  mailerName: string
  mailMessage: { message: NodeMailerMessage; views: MessageBodyTemplates }
  config?: unknown
}

/** Every email leaves through the queue; the worker renders and sends it. */
export default class SendMailJob extends Job {
  static jobName = 'core.send_mail'

  async handle(payload: SendMailPayload) {
    await mail.use(payload.mailerName as any).sendCompiled(payload.mailMessage, payload.config)
  }

  async rescue(payload: SendMailPayload, error: Error) {
    this.logger.error({ err: error, to: payload.mailMessage.message.to }, 'mail could not be sent after every retry')
  }
}
