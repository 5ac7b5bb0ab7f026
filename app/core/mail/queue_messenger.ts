import mail from '@adonisjs/mail/services/main'
import SendMailJob from '#core/jobs/send_mail_job'
import { dispatchAfterCommit } from '#core/queue/dispatch'

/** `mail.sendLater()` hands the compiled message to the queue, after the current transaction commits. */
export function routeMailThroughQueue() {
  mail.setMessenger((mailer) => ({
    async queue(mailMessage, config) {
      await dispatchAfterCommit(SendMailJob, { mailerName: mailer.name, mailMessage, config })
    },
  }))
}
