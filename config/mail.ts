import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'
import type { InferMailers } from '@adonisjs/mail/types'
import { DevMailboxTransport } from '#core/mail/dev_mailbox'

/** Without SMTP_HOST, mail goes to the development mailbox (/dev/mail). */
export const usesSmtp = Boolean(env.get('SMTP_HOST'))

const mailConfig = defineConfig({
  default: usesSmtp ? 'smtp' : 'mailbox',
  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'no-reply@throughline.local'),
    name: env.get('MAIL_FROM_NAME', 'Throughline'),
  },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 587),
      secure: env.get('SMTP_SECURE', false),
      ignoreTLS: !env.get('SMTP_SECURE', false) && !env.get('SMTP_USERNAME'),
      auth: env.get('SMTP_USERNAME')
        ? { type: 'login', user: env.get('SMTP_USERNAME')!, pass: env.get('SMTP_PASSWORD', '') }
        : undefined,
    }),
    mailbox: () => new DevMailboxTransport(),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
