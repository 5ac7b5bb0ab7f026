import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createAgency, createUser, PASSWORD, uniqueEmail } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import { mailCatcher } from '#tests/helpers/mail_catcher'

const owner = () => db.connection('owner')

test.group('Sign-up, sign-in and sign-out', () => {
  test('sign-up creates the agency and its owner and lands on the dashboard', async ({ client, assert }) => {
    const web = new WebSession(client)
    const email = uniqueEmail('founder')
    const response = await web.post('/signup', { agencyName: 'Northwind Studio', name: 'Nora North', email, password: PASSWORD })
    assert.equal(response.header('location'), '/dashboard', JSON.stringify(response.headers()))
    const page = await web.page('/dashboard')
    assert.equal(page.component, 'core/dashboard/index')
    assert.equal(page.props.auth.user.email, email)
    assert.equal(page.props.agency.name, 'Northwind Studio')
    const user = await owner().from('users').where('email', email).first()
    assert.equal(user.role, 'owner')
    assert.notEqual(user.password, PASSWORD)
  })

  test('bad sign-up input shows field errors and writes nothing', async ({ client, assert }) => {
    const web = new WebSession(client)
    const before = await owner().from('agencies').count('* as n').first()
    const response = await web.post('/signup', { agencyName: '', name: 'X', email: 'not-an-email', password: 'short' })
    assert.equal(response.status(), 302)
    const page = await web.page('/signup')
    assert.properties(page.props.errors, ['agencyName', 'email', 'password'])
    const after = await owner().from('agencies').count('* as n').first()
    assert.equal(after.n, before.n)
  })

  test('signing up with a taken email is refused on the email field', async ({ client, assert }) => {
    const a = await createAgency('Taken')
    const web = new WebSession(client)
    await web.post('/signup', { agencyName: 'Copycat', name: 'C', email: a.email.toUpperCase(), password: PASSWORD })
    const page = await web.page('/signup')
    assert.match(page.props.errors.email, /already exists/)
  })

  test('the same form errors come back as 422 JSON to a JSON client', async ({ client, assert }) => {
    const web = new WebSession(client)
    await web.get('/login')
    const response = await client
      .post('/signup')
      .header('cookie', web.cookieHeader)
      .header('accept', 'application/json')
      .header('x-xsrf-token', decodeURIComponent(web.cookieHeader.match(/XSRF-TOKEN=([^;]+)/)![1]))
      .json({ agencyName: 'X', name: 'X', email: 'bad', password: PASSWORD })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'email')
  })

  test('a form post without the CSRF token is refused', async ({ client, assert }) => {
    const a = await createAgency('Csrf')
    const web = new WebSession(client)
    await web.get('/login')
    // Right cookies, right credentials, no X-XSRF-TOKEN header: refused and sent back.
    const response = await client.post('/login').header('cookie', web.cookieHeader).json({ email: a.email, password: PASSWORD }).redirects(0)
    assert.notEqual(response.header('location'), '/dashboard')
    assert.equal((await web.get('/dashboard')).header('location'), '/login')
  })

  test('wrong credentials are refused without saying which part was wrong', async ({ client, assert }) => {
    const a = await createAgency('Login')
    for (const attempt of [{ email: a.email, password: 'wrong-password-123' }, { email: uniqueEmail('nobody'), password: PASSWORD }]) {
      const web = new WebSession(client)
      await web.post('/login', attempt)
      const page = await web.page('/login')
      assert.equal(page.props.errors.email, 'These credentials do not match our records')
    }
  })

  test('log out destroys the session on the server: replaying its cookie is signed out', async ({ client, assert }) => {
    const a = await createAgency('Logout')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const stolen = new WebSession(client).copyFrom(web)
    ;(await stolen.get('/dashboard')).assertStatus(200)
    const response = await web.post('/logout')
    assert.equal(response.header('location'), '/login')
    const replay = await stolen.get('/dashboard')
    assert.equal(replay.status(), 302)
    assert.equal(replay.header('location'), '/login')
  })

  test('signing in returns to the page first asked for', async ({ client, assert }) => {
    const a = await createAgency('Return')
    const web = new WebSession(client)
    assert.match((await web.get('/settings/team?tab=members')).header('location') ?? '', /^\/login\b/)
    const response = await web.post('/login', { email: a.email, password: PASSWORD })
    assert.equal(response.header('location'), '/settings/team?tab=members')
  })

  test('staff pages need a session; the API ignores sessions', async ({ client, assert }) => {
    const anonymous = await new WebSession(client).get('/settings/team')
    assert.equal(anonymous.header('location'), '/login')
    const a = await createAgency('Sess')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const api = await client.get('/api/me').header('cookie', web.cookieHeader)
    api.assertStatus(401)
  })
})

test.group('Password reset', () => {
  test('a reset link arrives by email, works once, and ends other sessions', async ({ client, assert }) => {
    const a = await createAgency('Reset')
    const other = await new WebSession(client).login(a.email, PASSWORD)
    const web = new WebSession(client)
    await web.post('/forgot-password', { email: a.email })
    const mail = await mailCatcher.waitFor(a.email, /reset/i)
    const token = mail.text!.match(/\/reset-password\/([\w-]+)/)![1]

    const stored = await owner().from('password_resets').where('user_id', a.userId)
    assert.lengthOf(stored, 1)
    assert.notInclude(JSON.stringify(stored), token)

    assert.equal((await web.page(`/reset-password/${token}`)).component, 'core/auth/reset_password')
    const mismatch = await web.post(`/reset-password/${token}`, { password: 'a-brand-new-password', passwordConfirmation: 'different-one-here' })
    assert.equal(mismatch.status(), 302)
    const done = await web.post(`/reset-password/${token}`, { password: 'a-brand-new-password', passwordConfirmation: 'a-brand-new-password' })
    assert.equal(done.header('location'), '/login')
    await new WebSession(client).login(a.email, 'a-brand-new-password')

    const reused = await new WebSession(client).get(`/reset-password/${token}`)
    assert.equal(reused.header('location'), '/forgot-password')
    const replayPost = await new WebSession(client).post(`/reset-password/${token}`, { password: 'yet-another-password', passwordConfirmation: 'yet-another-password' })
    assert.equal(replayPost.status(), 302)
    await new WebSession(client).login(a.email, 'a-brand-new-password')

    const ended = await other.get('/dashboard')
    assert.equal(ended.header('location'), '/login')
  })

  test('an expired reset link is refused', async ({ client, assert }) => {
    const a = await createAgency('Expired')
    await new WebSession(client).post('/forgot-password', { email: a.email })
    const mail = await mailCatcher.waitFor(a.email, /reset/i)
    const token = mail.text!.match(/\/reset-password\/([\w-]+)/)![1]
    await owner().from('password_resets').where('user_id', a.userId).update({ expires_at: new Date(Date.now() - 1000) })
    const response = await new WebSession(client).get(`/reset-password/${token}`)
    assert.equal(response.header('location'), '/forgot-password')
  })

  test('an unknown address gets the same answer and no mail', async ({ client, assert }) => {
    const email = uniqueEmail('ghost')
    const web = new WebSession(client)
    await web.get('/forgot-password')
    const response = await web.post('/forgot-password', { email })
    assert.equal(response.status(), 302)
    const page = await web.page('/forgot-password')
    assert.equal(page.props.flash.success, 'If that address has an account, a reset link is on its way.')
    await new Promise((r) => setTimeout(r, 500))
    assert.lengthOf(mailCatcher.sentTo(email), 0)
  })
})

test.group('Team: invitations, roles, deactivation', () => {
  async function invite(client: any, ownerEmail: string, role = 'member') {
    const web = await new WebSession(client).login(ownerEmail, PASSWORD)
    const email = uniqueEmail('invitee')
    const response = await web.post('/settings/team/invitations', { email, role })
    if (response.header('location') !== '/settings/team') throw new Error('invitation refused')
    const mail = await mailCatcher.waitFor(email, /invited/i)
    const token = mail.text!.match(/\/invitations\/([\w-]+)/)![1]
    return { web, email, token }
  }

  test('an invitation is mailed, accepted once, and the new member can sign in', async ({ client, assert }) => {
    const a = await createAgency('Invite')
    const { web, email, token } = await invite(client, a.email, 'manager')
    const team = await web.page('/settings/team')
    assert.deepEqual(team.props.invitations.map((i: any) => i.email), [email])

    const stored = await owner().from('invitations').where('email', email).first()
    assert.notEqual(stored.token_hash, token)
    assert.lengthOf(stored.token_hash, 64)

    const guest = new WebSession(client)
    const acceptPage = await guest.page(`/invitations/${token}`)
    assert.equal(acceptPage.props.invitation.email, email)
    const accepted = await guest.post(`/invitations/${token}/accept`, { name: 'Mia Manager', password: PASSWORD, passwordConfirmation: PASSWORD })
    assert.equal(accepted.header('location'), '/dashboard')
    const me = await guest.page('/dashboard')
    assert.equal(me.props.auth.user.role, 'manager')

    const reused = await new WebSession(client).page(`/invitations/${token}`)
    assert.equal(reused.component, 'core/invitations/invalid')
    const reusedPost = await new WebSession(client).post(`/invitations/${token}/accept`, { name: 'Evil', password: PASSWORD, passwordConfirmation: PASSWORD })
    assert.equal(reusedPost.status(), 410)
    await new WebSession(client).login(email, PASSWORD)
  })

  test('inviting the same address again replaces the earlier link', async ({ client, assert }) => {
    const a = await createAgency('Again')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const email = uniqueEmail('twice')
    await web.post('/settings/team/invitations', { email, role: 'member' })
    const first = (await mailCatcher.waitFor(email, /invited/i)).text!.match(/\/invitations\/([\w-]+)/)![1]
    await web.post('/settings/team/invitations', { email, role: 'manager' })
    const pending = (await web.page('/settings/team')).props.invitations.filter((i: any) => i.email === email)
    assert.deepEqual(pending.map((i: any) => i.role), ['manager'])
    assert.equal((await new WebSession(client).page(`/invitations/${first}`)).component, 'core/invitations/invalid')
  })

  test('an expired or revoked invitation cannot be accepted', async ({ client, assert }) => {
    const a = await createAgency('Expire')
    const first = await invite(client, a.email)
    await owner().from('invitations').where('email', first.email).update({ expires_at: new Date(Date.now() - 1000) })
    assert.equal((await new WebSession(client).page(`/invitations/${first.token}`)).component, 'core/invitations/invalid')

    const second = await invite(client, a.email)
    const row = await owner().from('invitations').where('email', second.email).first()
    await second.web.delete(`/settings/team/invitations/${row.id}`)
    const response = await new WebSession(client).post(`/invitations/${second.token}/accept`, { name: 'Late', password: PASSWORD, passwordConfirmation: PASSWORD })
    assert.equal(response.status(), 410)
    const users = await owner().from('users').where('email', second.email)
    assert.lengthOf(users, 0)
  })

  test('bad invitation input is refused and nothing is written', async ({ client, assert }) => {
    const a = await createAgency('BadInvite')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    await web.post('/settings/team/invitations', { email: 'nope', role: 'emperor' })
    const page = await web.page('/settings/team')
    assert.properties(page.props.errors, ['email', 'role'])
    await web.post('/settings/team/invitations', { email: a.email, role: 'member' })
    assert.match((await web.page('/settings/team')).props.errors.email, /already has/)
    const count = await owner().from('invitations').where('agency_id', a.agencyId).count('* as n').first()
    assert.equal(count.n, 0)
  })

  test('a member cannot manage the team (403) and sees no invitations', async ({ client, assert }) => {
    const a = await createAgency('Member')
    const member = await createUser(a.agencyId, 'member')
    const web = await new WebSession(client).login(member.email, PASSWORD)
    const page = await web.page('/settings/team')
    assert.isFalse(page.props.can.manage)
    assert.deepEqual(page.props.invitations, [])
    const response = await web.post('/settings/team/invitations', { email: uniqueEmail(), role: 'member' })
    assert.equal(response.status(), 403)
    const demote = await web.patch(`/settings/team/${a.userId}`, { role: 'member' })
    assert.equal(demote.status(), 403)
  })

  test('the owner changes a role; the member\u2019s next request carries it', async ({ client, assert }) => {
    const a = await createAgency('Roles')
    const member = await createUser(a.agencyId, 'member')
    const memberWeb = await new WebSession(client).login(member.email, PASSWORD)
    const ownerWeb = await new WebSession(client).login(a.email, PASSWORD)
    await ownerWeb.patch(`/settings/team/${member.userId}`, { role: 'manager' })
    assert.equal((await memberWeb.page('/dashboard')).props.auth.user.role, 'manager')
    const audit = await owner().from('audit_logs').where({ entity_id: member.userId, action: 'role_changed' }).first()
    assert.deepEqual([audit.before.role, audit.after.role], ['member', 'manager'])
    const self = await ownerWeb.patch(`/settings/team/${a.userId}`, { role: 'member' })
    assert.equal(self.status(), 409)
  })

  test('deactivating a user ends their sessions and tokens at once', async ({ client, assert }) => {
    const a = await createAgency('Deact')
    const member = await createUser(a.agencyId, 'member')
    const memberWeb = await new WebSession(client).login(member.email, PASSWORD)
    ;(await client.get('/api/me').bearerToken(member.token)).assertStatus(200)

    const ownerWeb = await new WebSession(client).login(a.email, PASSWORD)
    await ownerWeb.post(`/settings/team/${member.userId}/deactivate`)

    assert.equal((await memberWeb.get('/dashboard')).header('location'), '/login')
    ;(await client.get('/api/me').bearerToken(member.token)).assertStatus(401)
    const again = new WebSession(client)
    await again.post('/login', { email: member.email, password: PASSWORD })
    assert.match((await again.page('/login')).props.errors.email, /deactivated/)

    await ownerWeb.post(`/settings/team/${member.userId}/reactivate`)
    await new WebSession(client).login(member.email, PASSWORD)
  })

  test('another agency\u2019s user or invitation id is a 404', async ({ client }) => {
    const a = await createAgency('A')
    const b = await createAgency('B')
    const bMember = await createUser(b.agencyId, 'member')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    ;(await web.post(`/settings/team/${bMember.userId}/deactivate`)).assertStatus(404)
    ;(await web.patch(`/settings/team/${bMember.userId}`, { role: 'manager' })).assertStatus(404)
  })
})

test.group('Personal API tokens', () => {
  test('a user creates a token (shown once, stored hashed), uses it, and revokes it', async ({ client, assert }) => {
    const a = await createAgency('Tokens')
    const member = await createUser(a.agencyId, 'member')
    const web = await new WebSession(client).login(member.email, PASSWORD)
    await web.post('/settings/tokens', { name: 'Zapier' })
    const page = await web.page('/settings/tokens')
    const value: string = page.props.flash.token
    assert.match(value, /^tl_/)
    const listed = page.props.tokens.find((t: any) => t.name === 'Zapier')
    assert.exists(listed)
    const rows = await owner().from('auth_access_tokens').where('tokenable_id', member.userId)
    assert.notInclude(JSON.stringify(rows), value.split('.')[1])

    ;(await client.get('/api/me').bearerToken(value)).assertStatus(200)
    assert.isUndefined((await web.page('/settings/tokens')).props.flash.token)

    await web.delete(`/settings/tokens/${listed.id}`)
    ;(await client.get('/api/me').bearerToken(value)).assertStatus(401)
  })

  test('a user cannot revoke someone else\u2019s token', async ({ client, assert }) => {
    const a = await createAgency('Others')
    const member = await createUser(a.agencyId, 'member')
    const ownerToken = await owner().from('auth_access_tokens').where('tokenable_id', a.userId).first()
    const web = await new WebSession(client).login(member.email, PASSWORD)
    ;(await web.delete(`/settings/tokens/${ownerToken.id}`)).assertStatus(404)
    ;(await client.get('/api/me').bearerToken(a.token)).assertStatus(200)
    assert.isTrue(true)
  })
})
