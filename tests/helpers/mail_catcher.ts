import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

/**
 * A real SMTP server on loopback (port from SMTP_PORT, chosen by bin/test.ts)
 * that keeps every message it receives, for tests to wait on.
 */
class MailCatcher {
  #server: SMTPServer | null = null
  #messages: ParsedMail[] = []

  async start() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, done) => {
        simpleParser(stream)
          .then((parsed) => {
            this.#messages.push(parsed)
            done()
          })
          .catch(done)
      },
    })
    await new Promise<void>((resolve) => this.#server!.listen(Number(process.env.SMTP_PORT), '127.0.0.1', resolve))
  }

  async stop() {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()))
  }

  /** Waits (up to 15 s) for a message to this address matching the subject. */
  async waitFor(to: string, subject?: RegExp): Promise<ParsedMail> {
    const until = Date.now() + 15_000
    while (Date.now() < until) {
      const found = this.#messages.find(
        (m) => JSON.stringify(m.to ?? '').toLowerCase().includes(to.toLowerCase()) && (!subject || subject.test(m.subject ?? ''))
      )
      if (found) return found
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ''} within 15 s`)
  }

  sentTo(to: string) {
    return this.#messages.filter((m) => JSON.stringify(m.to ?? '').toLowerCase().includes(to.toLowerCase()))
  }
}

export const mailCatcher = new MailCatcher()
