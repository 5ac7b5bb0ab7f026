import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import drive from '@adonisjs/drive/services/main'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)

async function uploadSettings(client: any, web: WebSession, fields: Record<string, string>, logo?: Buffer) {
  const request = client
    .post('/settings/agency')
    .header('cookie', web.cookieHeader)
    .header('x-xsrf-token', decodeURIComponent(web.cookieHeader.match(/XSRF-TOKEN=([^;]+)/)![1]))
    .fields(fields)
    .redirects(0)
  if (logo) request.file('logo', logo, { filename: 'logo.png', contentType: 'image/png' })
  return request
}

const VALID = {
  name: 'Renamed Agency',
  currency: 'GBP',
  timezone: 'Europe/London',
  taxRate: '20',
  invoicePrefix: 'RA-',
  paymentTermsDays: '14',
  requireTimeApproval: '0',
  brandColor: '#0f766e',
}

test.group('Agency settings page', () => {
  test('the owner saves settings and a logo, served only to the agency\u2019s staff', async ({ client, assert }) => {
    const a = await createAgency('Brand')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const response = await uploadSettings(client, web, VALID, PNG)
    assert.equal(response.header('location'), '/settings/agency')
    const page = await web.page('/settings/agency')
    assert.containsSubset(page.props.agency, { name: 'Renamed Agency', currency: 'GBP', taxRate: 20, requireTimeApproval: false, brandColor: '#0f766e' })
    assert.match(page.props.agency.logoUrl, /^\/agency\/logo\?v=/)

    const logo = await client.get(page.props.agency.logoUrl).header('cookie', web.cookieHeader)
    logo.assertStatus(200)
    logo.assertHeader('content-type', 'image/png')

    ;(await client.get(page.props.agency.logoUrl).redirects(0)).assertStatus(302)
    const b = await createAgency('Other')
    const other = await new WebSession(client).login(b.email, PASSWORD)
    ;(await client.get(page.props.agency.logoUrl).header('cookie', other.cookieHeader)).assertStatus(404)
  })

  test('a new logo replaces the old file once saved', async ({ client, assert }) => {
    const a = await createAgency('Relogo')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    await uploadSettings(client, web, VALID, PNG)
    const first = await db.connection('owner').from('agencies').where('id', a.agencyId).first()
    assert.isTrue(await drive.use().exists(first.logo_path))
    await uploadSettings(client, web, VALID, PNG)
    const second = await db.connection('owner').from('agencies').where('id', a.agencyId).first()
    assert.notEqual(second.logo_path, first.logo_path)
    assert.isTrue(await drive.use().exists(second.logo_path))
    assert.isFalse(await drive.use().exists(first.logo_path))
  })

  test('an emptied field or a wrong file type is refused and nothing changes', async ({ client, assert }) => {
    const a = await createAgency('Strict')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    await uploadSettings(client, web, { ...VALID, name: '', taxRate: '', timezone: 'Nowhere/City' })
    const page = await web.page('/settings/agency')
    assert.properties(page.props.errors, ['name', 'taxRate', 'timezone'])
    const row = await db.connection('owner').from('agencies').where('id', a.agencyId).first()
    assert.equal(row.currency, 'USD')

    const request = await uploadSettings(client, web, VALID, Buffer.from('#!/bin/sh\necho hi'))
    assert.equal(request.status(), 302)
    assert.property((await web.page('/settings/agency')).props.errors, 'logo')
  })

  test('a member sees the settings read-only and cannot save them', async ({ client, assert }) => {
    const a = await createAgency('ReadOnly')
    const member = await createUser(a.agencyId, 'member')
    const web = await new WebSession(client).login(member.email, PASSWORD)
    assert.isFalse((await web.page('/settings/agency')).props.can.update)
    const response = await uploadSettings(client, web, VALID)
    assert.equal(response.status(), 403)
  })
})

test.group('Staff sessions', () => {
  test('a staff session expires after 24 hours without a request, and each request renews it', async ({ client, assert }) => {
    const a = await createAgency('Idle')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    // The cookie is signed: its first segment is a base64url JSON message carrying the session id.
    const cookie = decodeURIComponent(web.cookieHeader.match(/throughline-session=([^;]+)/)![1]).replace(/^s:/, '')
    const key = JSON.parse(Buffer.from(cookie.split('.')[0], 'base64url').toString()).message
    assert.isNotNull(await redis.get(key), 'session stored server-side in Redis')
    const ttl = await redis.ttl(key!)
    assert.closeTo(ttl, 24 * 3600, 60)
    await redis.expire(key!, 5)
    await web.get('/dashboard')
    assert.closeTo(await redis.ttl(key!), 24 * 3600, 60)
  })
})

test.group('Development mailbox', () => {
  test('/dev/mail needs a signed-in staff user', async ({ client, assert }) => {
    const anonymous = await client.get('/dev/mail').redirects(0)
    assert.equal(anonymous.header('location'), '/login')
    const a = await createAgency('Mailbox')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    assert.equal((await web.page('/dev/mail')).component, 'core/dev/mail')
  })
})
