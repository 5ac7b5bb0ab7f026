import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DevMailboxTransport, listDevMail } from '#core/mail/dev_mailbox'

test.group('Development mailbox', () => {
  test('keeps a sent message, newest first, for /dev/mail', async ({ assert }) => {
    const subject = `Welcome ${randomUUID()}`
    await new DevMailboxTransport().send({
      from: 'Throughline <no-reply@throughline.local>',
      to: [{ address: 'dana@example.test', name: 'Dana' }],
      subject,
      html: '<p>Hello</p>',
      text: 'Hello',
    })
    const [latest] = await listDevMail()
    assert.containsSubset(latest, { subject, to: ['dana@example.test'], html: '<p>Hello</p>', text: 'Hello' })
  })
})
