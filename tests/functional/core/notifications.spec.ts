import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import { notifyUsers, type NewNotification } from '#core/public/notifications'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { asRuntimeRole } from '#tests/helpers/runtime_role'
import { WebSession } from '#tests/helpers/web_session'

/** An owner and a member of one agency, each with notifications, and an outsider agency. */
async function setup() {
  const owner = await createAgency('Bell')
  const member = await createUser(owner.agencyId, 'member')
  // One transaction each: created_at is the transaction's time.
  const notify = (userId: string, notification: NewNotification) => withTenant(owner.agencyId, () => notifyUsers([userId], notification))
  await notify(owner.userId, { kind: 'test', title: 'Older for the owner', body: 'First', href: '/projects' })
  await notify(owner.userId, { kind: 'test', title: 'Newer for the owner', body: null, href: null })
  await notify(member.userId, { kind: 'test', title: 'For the member' })
  const ids = async (userId: string) =>
    (await db.connection('owner').from('notifications').where('user_id', userId).orderBy('created_at')).map((row) => row.id as string)
  return { owner, member, ownerIds: await ids(owner.userId), memberIds: await ids(member.userId) }
}

test.group('Notifications', () => {
  test('each user lists only their own, newest first, with the unread count (API)', async ({ client, assert }) => {
    const { owner, member } = await setup()
    const mine = await client.get('/api/notifications').bearerToken(owner.token)
    mine.assertStatus(200)
    assert.deepEqual(
      mine.body().notifications.map((n: any) => n.title),
      ['Newer for the owner', 'Older for the owner']
    )
    assert.equal(mine.body().unread, 2)
    assert.containsSubset(mine.body().notifications[1], { body: 'First', href: '/projects', readAt: null, kind: 'test' })

    const theirs = await client.get('/api/notifications').bearerToken(member.token)
    assert.deepEqual(
      theirs.body().notifications.map((n: any) => n.title),
      ['For the member']
    )
  })

  test('a user marks one or all of theirs read; someone else’s is a 404 and stays unread', async ({ client, assert }) => {
    const { owner, member, ownerIds, memberIds } = await setup()
    const other = await client.post(`/api/notifications/${memberIds[0]}/read`).bearerToken(owner.token)
    other.assertStatus(404)

    const one = await client.post(`/api/notifications/${ownerIds[0]}/read`).bearerToken(owner.token)
    one.assertStatus(204)
    const after = await client.get('/api/notifications').bearerToken(owner.token)
    assert.equal(after.body().unread, 1)
    assert.isNotNull(after.body().notifications.find((n: any) => n.id === ownerIds[0]).readAt)

    ;(await client.post('/api/notifications/read-all').bearerToken(owner.token)).assertStatus(204)
    assert.equal((await client.get('/api/notifications').bearerToken(owner.token)).body().unread, 0)
    // The member's stays unread.
    assert.equal((await client.get('/api/notifications').bearerToken(member.token)).body().unread, 1)
  })

  test('the staff pages carry the bell count; the bell lists and marks read through the session', async ({ client, assert }) => {
    const { owner, ownerIds } = await setup()
    const web = await new WebSession(client).login(owner.email, PASSWORD)
    const page = await web.page('/dashboard')
    assert.deepEqual(page.props.notifications, { unread: 2 })

    const list = await web.get('/notifications')
    list.assertStatus(200)
    assert.lengthOf(list.body().notifications, 2)

    const read = await web.send('post', `/notifications/${ownerIds[1]}/read`, {}, '/dashboard')
    assert.equal(read.status(), 302)
    assert.equal(read.header('location'), '/dashboard')
    assert.deepEqual((await web.page('/dashboard')).props.notifications, { unread: 1 })

    // Following a notification's link marks it read and goes there; only paths on this site.
    const followed = await web.post(`/notifications/${ownerIds[0]}/read`, { next: '/projects' })
    assert.equal(followed.header('location'), '/projects')
    const elsewhere = await web.send('post', `/notifications/${ownerIds[0]}/read`, { next: '//evil.example' }, '/dashboard')
    assert.equal(elsewhere.header('location'), '/dashboard')

    await web.post('/notifications/read-all')
    assert.deepEqual((await web.page('/dashboard')).props.notifications, { unread: 0 })
  })

  test('RLS: a user reads and updates only their own rows; only system inserts, within its agency', async ({ assert }) => {
    const { owner, member, memberIds } = await setup()
    const outsider = await createAgency('Elsewhere')
    const asOwner = { agencyId: owner.agencyId, userId: owner.userId, role: 'owner' }

    const visible = await asRuntimeRole(asOwner, async (trx) => (await trx.rawQuery('select user_id from notifications')).rows)
    assert.lengthOf(visible, 2)
    assert.isTrue(visible.every((row: any) => row.user_id === owner.userId))

    const updated = await asRuntimeRole(asOwner, async (trx) =>
      (await trx.rawQuery('update notifications set read_at = now() where id = ?', [memberIds[0]])).rowCount
    )
    assert.equal(updated, 0)

    // Only read_at may change.
    await assert.rejects(() =>
      asRuntimeRole(asOwner, (trx) => trx.rawQuery(`update notifications set title = 'changed' where user_id = ?`, [owner.userId]))
    )

    const insert = (context: any, agencyId: string, userId: string) =>
      asRuntimeRole(context, (trx) =>
        trx.rawQuery(`insert into notifications (agency_id, user_id, kind, title) values (?, ?, 'x', 'y')`, [agencyId, userId])
      )
    // A staff user cannot notify someone else; system can, in its own agency only.
    await assert.rejects(() => insert(asOwner, owner.agencyId, member.userId))
    await insert({ agencyId: owner.agencyId, role: 'system' }, owner.agencyId, member.userId)
    await assert.rejects(() => insert({ agencyId: outsider.agencyId, role: 'system' }, owner.agencyId, member.userId))
  })
})
