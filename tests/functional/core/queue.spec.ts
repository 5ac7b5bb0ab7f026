import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { Queue, QueueEvents } from 'bullmq'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import mail from '@adonisjs/mail/services/main'
import { withTenant } from '#core/tenancy/tenant_context'

async function queue() {
  const config = app.config.get<any>('queue')
  return { queue: new Queue('default', { connection: config.defaultConnection }), events: new QueueEvents('default', { connection: config.defaultConnection }) }
}

test.group('Queue', () => {
  test('mail queued by the web process is sent by the separate worker process', async ({ client, assert }) => {
    const a = await createAgency('Queue')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const invitee = `queued-${Date.now()}@example.test`
    await web.post('/settings/team/invitations', { email: invitee, role: 'member' })
    const mail = await mailCatcher.waitFor(invitee, /invited/i)
    assert.match(mail.text!, /\/invitations\/[\w-]{43}/)
  })

  test('a job whose name no worker knows fails loudly instead of completing', async ({ assert }) => {
    const { queue: q, events } = await queue()
    await events.waitUntilReady()
    const job = await q.add('nobody.knows_this_job', { any: 'payload' }, { attempts: 1 })
    // Subscribes, then checks the job's state: a job that failed before this line is still seen.
    const outcome = await job.waitUntilFinished(events, 20_000).then(
      () => 'completed',
      (error: Error) => error.message
    )
    assert.match(outcome, /No job registered under the name "nobody.knows_this_job"/)
    await events.close()
    await q.close()
  })

  test('mail from a transaction that rolls back is never sent; after commit it is', async ({ assert }) => {
    const a = await createAgency('Rollback')
    const lost = `never-${Date.now()}@example.test`
    const kept = `kept-${Date.now()}@example.test`
    const send = (to: string) => mail.sendLater((message) => {
        message.to(to).subject('Transactional').text('hello')
      })
    await assert.rejects(() =>
      withTenant(a.agencyId, async () => {
        await send(lost)
        throw new Error('failure half-way through the action')
      })
    )
    await withTenant(a.agencyId, () => send(kept))
    await mailCatcher.waitFor(kept, /Transactional/)
    assert.lengthOf(mailCatcher.sentTo(lost), 0)
  })
})
