import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createAgency, createUser } from '#tests/helpers/factories'
import { assignMember, countRows, createClient, createTag, setClientColumns, tagClient } from '#tests/helpers/crm'

const names = (body: any) => body.clients.map((c: any) => c.companyName)

test.group('Clients API: list, search, filters, sorting', () => {
  test('lists clients with the DTO shape, total and pages', async ({ client, assert }) => {
    const a = await createAgency('List')
    await createClient(a.agencyId, 'Bravo Ltd', { name: 'Bob Brown', email: 'bob@bravo.test' })
    await createClient(a.agencyId, 'alpha GmbH', { name: 'Alice Ames', email: 'alice@alpha.test' })
    await createClient(a.agencyId, 'Charlie SA', { name: 'Carl Cole', email: 'carl@charlie.test' })

    const response = await client.get('/api/clients').bearerToken(a.token)
    response.assertStatus(200)
    const body = response.body()
    assert.deepEqual(names(body), ['alpha GmbH', 'Bravo Ltd', 'Charlie SA'])
    assert.containsSubset(body, { total: 3, page: 1, perPage: 25 })
    assert.sameMembers(Object.keys(body.clients[0]), [
      'id', 'companyName', 'industry', 'website', 'address', 'primaryContact', 'tags',
      'lifetimeRevenue', 'currency', 'lastActivityAt', 'archivedAt', 'createdAt',
    ])
    assert.containsSubset(body.clients[0], {
      primaryContact: { name: 'Alice Ames', email: 'alice@alpha.test', phone: null, jobTitle: null },
      tags: [],
      lifetimeRevenue: 0,
      currency: 'USD',
      archivedAt: null,
    })

    const second = await client.get('/api/clients?perPage=2&page=2').bearerToken(a.token)
    assert.deepEqual(names(second.body()), ['Charlie SA'])
    assert.containsSubset(second.body(), { total: 3, page: 2, perPage: 2 })
  })

  test('perPage outside 1..100 and other bad parameters are 422', async ({ client, assert }) => {
    const a = await createAgency('Bounds')
    for (const query of ['perPage=0', 'perPage=101', 'perPage=abc', 'page=0', 'sort=size', 'archived=maybe', `tag=${'x'.repeat(41)}`]) {
      const response = await client.get(`/api/clients?${query}`).bearerToken(a.token)
      response.assertStatus(422)
      assert.match(response.body().errors[0].field, new RegExp(`^${query.split('=')[0]}`))
    }
    ;(await client.get('/api/clients?perPage=100').bearerToken(a.token)).assertStatus(200)
    ;(await client.get('/api/clients?perPage=1').bearerToken(a.token)).assertStatus(200)
  })

  test('filters by the stage of the client\u2019s deals: by stage name, id or kind', async ({ client, assert }) => {
    const a = await createAgency('Stages')
    const inProposal = await createClient(a.agencyId, 'Proposal Co')
    const won = await createClient(a.agencyId, 'Won Co')
    await createClient(a.agencyId, 'No Deals Co')
    const deal = async (clientId: string, stage: string) => {
      const created = await client.post('/api/deals').bearerToken(a.token).json({ title: 'Work', value: 100_000, clientId })
      created.assertStatus(201)
      ;(await client.put(`/api/deals/${created.body().deal.id}/stage`).bearerToken(a.token).json({ stage })).assertStatus(200)
      return created.body().deal.stageId as string
    }
    await deal(inProposal.clientId, 'proposal')
    await deal(won.clientId, 'won')

    const list = async (query: string) => names((await client.get(`/api/clients?${query}`).bearerToken(a.token)).body())
    assert.deepEqual(await list('stage=Proposal'), ['Proposal Co'])
    assert.deepEqual(await list('stage=won'), ['Won Co'])
    assert.deepEqual(await list('stage=open'), ['Proposal Co'])
    const { stages } = (await client.get('/api/deal-stages').bearerToken(a.token)).body()
    const wonStage = stages.find((stage: any) => stage.kind === 'won')
    assert.deepEqual(await list(`stage=${wonStage.id}`), ['Won Co'])
    assert.deepEqual(await list('stage=nowhere'), [])
  })

  test('search matches company, contact name and contact email, whatever the case', async ({ client, assert }) => {
    const a = await createAgency('Search')
    await createClient(a.agencyId, 'Northwind Traders', { name: 'Nancy Davolio', email: 'nancy@northwind.test' })
    await createClient(a.agencyId, 'Contoso', { name: 'Janet Leverling', email: 'jl@contoso-mail.test' })
    await createClient(a.agencyId, 'Fabrikam', { name: 'Steven Buchanan', email: 'steven@fabrikam.test' })
    const search = async (term: string) =>
      names((await client.get('/api/clients').qs({ search: term }).bearerToken(a.token)).body())

    assert.deepEqual(await search('NORTHWIND'), ['Northwind Traders'])
    assert.deepEqual(await search('leverl'), ['Contoso'])
    assert.deepEqual(await search('Steven@Fabrikam.TEST'), ['Fabrikam'])
    assert.deepEqual(await search('%'), [])
    assert.deepEqual(await search('zzz'), [])
    const total = (await client.get('/api/clients?search=contoso').bearerToken(a.token)).body().total
    assert.equal(total, 1)
  })

  test('filters by several tags at once (a client needs all of them), by industry and by archived', async ({ client, assert }) => {
    const a = await createAgency('Filters')
    const vip = await createTag(a.agencyId, 'VIP')
    const retainer = await createTag(a.agencyId, 'Retainer')
    const both = await createClient(a.agencyId, 'Both Tags')
    const onlyVip = await createClient(a.agencyId, 'Only VIP')
    const archived = await createClient(a.agencyId, 'Archived Co')
    await tagClient(a.agencyId, both.clientId, [vip, retainer])
    await tagClient(a.agencyId, onlyVip.clientId, [vip])
    await setClientColumns(onlyVip.clientId, { industry: 'Retail' })
    await setClientColumns(archived.clientId, { archived_at: new Date(), industry: 'Retail' })

    const list = async (query: string) => names((await client.get(`/api/clients?${query}`).bearerToken(a.token)).body())
    assert.deepEqual(await list(`tag=${vip}&tag=${retainer}`), ['Both Tags'])
    assert.deepEqual(await list(`tag[]=${vip}&tag[]=${retainer}`), ['Both Tags'])
    assert.deepEqual(await list(`tag=${vip}`), ['Both Tags', 'Only VIP'])
    assert.deepEqual(await list('tag=vip&tag=RETAINER'), ['Both Tags'], 'tags by name, whatever the case')
    assert.deepEqual(await list('tag=Unknown'), [])
    assert.deepEqual(await list('industry=retail'), ['Only VIP'])
    assert.deepEqual(await list('archived=true'), ['Archived Co'])
    assert.deepEqual(await list('archived=all&industry=Retail'), ['Archived Co', 'Only VIP'])
    assert.deepEqual(await list('archived=false'), ['Both Tags', 'Only VIP'])

    const body = (await client.get(`/api/clients?tag=${retainer}`).bearerToken(a.token)).body()
    assert.sameDeepMembers(body.clients[0].tags, [
      { id: vip, name: 'VIP', color: '#0ea5e9' },
      { id: retainer, name: 'Retainer', color: '#0ea5e9' },
    ])
  })

  test('sorts by name, by lifetime revenue and by last activity', async ({ client, assert }) => {
    const a = await createAgency('Sort')
    const small = await createClient(a.agencyId, 'Alpha')
    const big = await createClient(a.agencyId, 'Bravo')
    const medium = await createClient(a.agencyId, 'Charlie')
    await setClientColumns(small.clientId, { lifetime_revenue_cents: 1000, last_activity_at: new Date('2024-03-01') })
    await setClientColumns(big.clientId, { lifetime_revenue_cents: 900000, last_activity_at: new Date('2024-01-01') })
    await setClientColumns(medium.clientId, { lifetime_revenue_cents: 50000, last_activity_at: new Date('2024-02-01') })

    const list = async (sort: string) => (await client.get(`/api/clients?sort=${sort}`).bearerToken(a.token)).body()
    assert.deepEqual(names(await list('name')), ['Alpha', 'Bravo', 'Charlie'])
    const byRevenue = await list('revenue')
    assert.deepEqual(names(byRevenue), ['Bravo', 'Charlie', 'Alpha'])
    assert.equal(byRevenue.clients[0].lifetimeRevenue, 900000)
    assert.deepEqual(names(await list('activity')), ['Alpha', 'Charlie', 'Bravo'])
  })
})

test.group('Clients API: writes', () => {
  test('creates a client with its primary contact and tags; revenue cannot be typed', async ({ client, assert }) => {
    const a = await createAgency('Create')
    const tag = await createTag(a.agencyId, 'Agency')
    const response = await client.post('/api/clients').bearerToken(a.token).json({
      companyName: '  Globex  ',
      industry: 'Energy',
      website: 'globex.example',
      address: '1 Main St',
      tagIds: [tag],
      lifetimeRevenue: 99999999,
      primaryContact: { name: 'Hank Scorpio', email: 'HANK@globex.example', phone: '+1 555 0100', jobTitle: 'CEO' },
    })
    response.assertStatus(201)
    const created = response.body().client
    assert.containsSubset(created, {
      companyName: 'Globex',
      industry: 'Energy',
      website: 'globex.example',
      lifetimeRevenue: 0,
      primaryContact: { name: 'Hank Scorpio', email: 'hank@globex.example', phone: '+1 555 0100', jobTitle: 'CEO' },
      tags: [{ id: tag, name: 'Agency' }],
    })
    assert.lengthOf(created.contacts, 1)
    assert.isTrue(created.contacts[0].isPrimary)

    const shown = await client.get(`/api/clients/${created.id}`).bearerToken(a.token)
    shown.assertStatus(200)
    assert.equal(shown.body().client.contacts[0].email, 'hank@globex.example')
  })

  test('bad input is a 422 with field errors and writes nothing', async ({ client, assert }) => {
    const a = await createAgency('Bad')
    const before = await countRows(a.agencyId, 'clients')
    const response = await client.post('/api/clients').bearerToken(a.token).json({
      companyName: '',
      industry: 'x'.repeat(81),
      website: 'javascript:alert(1)',
      tagIds: ['nope'],
      primaryContact: { name: '', email: 'not-an-email' },
    })
    response.assertStatus(422)
    const fields = response.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['companyName', 'industry', 'website', 'tagIds.0', 'primaryContact.name', 'primaryContact.email'])
    assert.equal(await countRows(a.agencyId, 'clients'), before)

    const malformed = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/clients`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: '{"companyName": ',
    })
    assert.oneOf(malformed.status, [400, 422])
  })

  test('another agency\u2019s tag id is refused and never attached', async ({ client, assert }) => {
    const a = await createAgency('Mine')
    const b = await createAgency('Theirs')
    const foreignTag = await createTag(b.agencyId, 'Foreign')
    const response = await client.post('/api/clients').bearerToken(a.token).json({ companyName: 'Sneaky', tagIds: [foreignTag] })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'tagIds')
    assert.equal(await countRows(a.agencyId, 'clients'), 0)

    const { clientId } = await createClient(a.agencyId, 'Honest')
    const put = await client.put(`/api/clients/${clientId}/tags`).bearerToken(a.token).json({ tagIds: [foreignTag] })
    put.assertStatus(422)
    assert.equal(await countRows(a.agencyId, 'client_tags'), 0)
  })

  test('patches details and tags; bad patches change nothing', async ({ client, assert }) => {
    const a = await createAgency('Patch')
    const { clientId } = await createClient(a.agencyId, 'Initech')
    const tag = await createTag(a.agencyId, 'Software')
    const response = await client
      .patch(`/api/clients/${clientId}`)
      .bearerToken(a.token)
      .json({ companyName: 'Initech Corp', industry: '', website: 'https://initech.example', tagIds: [tag], lifetimeRevenue: 5 })
    response.assertStatus(200)
    assert.containsSubset(response.body().client, {
      companyName: 'Initech Corp',
      industry: null,
      website: 'https://initech.example',
      lifetimeRevenue: 0,
      tags: [{ id: tag }],
    })

    const bad = await client.patch(`/api/clients/${clientId}`).bearerToken(a.token).json({ companyName: '', website: 'not a site' })
    bad.assertStatus(422)
    assert.sameMembers(bad.body().errors.map((e: any) => e.field), ['companyName', 'website'])
    const after = await client.get(`/api/clients/${clientId}`).bearerToken(a.token)
    assert.equal(after.body().client.companyName, 'Initech Corp')

    const untag = await client.put(`/api/clients/${clientId}/tags`).bearerToken(a.token).json({ tagIds: [] })
    assert.deepEqual(untag.body().client.tags, [])
  })

  test('archive hides a client from the default list and restore brings it back', async ({ client, assert }) => {
    const a = await createAgency('Archive')
    const { clientId } = await createClient(a.agencyId, 'Umbrella')
    const archived = await client.post(`/api/clients/${clientId}/archive`).bearerToken(a.token)
    archived.assertStatus(200)
    assert.isString(archived.body().client.archivedAt)
    assert.equal((await client.get('/api/clients').bearerToken(a.token)).body().total, 0)
    assert.equal((await client.get('/api/clients?archived=true').bearerToken(a.token)).body().total, 1)

    const restored = await client.post(`/api/clients/${clientId}/restore`).bearerToken(a.token)
    assert.isNull(restored.body().client.archivedAt)
    assert.equal((await client.get('/api/clients').bearerToken(a.token)).body().total, 1)
  })

  test('creating, editing, archiving and restoring a client are in the audit log', async ({ client, assert }) => {
    const a = await createAgency('Audit')
    const created = await client.post('/api/clients').bearerToken(a.token).json({ companyName: 'Audited' })
    const id = created.body().client.id
    await client.patch(`/api/clients/${id}`).bearerToken(a.token).json({ companyName: 'Audited Ltd' })
    await client.post(`/api/clients/${id}/archive`).bearerToken(a.token)
    await client.post(`/api/clients/${id}/restore`).bearerToken(a.token)
    const entries = await db
      .connection('owner')
      .from('audit_logs')
      .where({ agency_id: a.agencyId, entity_type: 'client', entity_id: id })
      .orderBy('created_at')
      .select('action', 'before', 'after', 'actor_id')
    assert.deepEqual(entries.map((entry) => entry.action), ['created', 'updated', 'archived', 'restored'])
    assert.equal(entries[1].before.companyName, 'Audited')
    assert.equal(entries[1].after.companyName, 'Audited Ltd')
    assert.isTrue(entries.every((entry) => entry.actor_id === a.userId))
  })

  test('odd values in bodies and query strings are 4xx, never a server error', async ({ client, assert }) => {
    const a = await createAgency('Odd')
    const { clientId } = await createClient(a.agencyId, 'Odd Co')
    const odd: unknown[] = [null, '', ' ', 'x'.repeat(20_000), '\u0000', '💥', -1, 1e308, true, [], ['a'], { nested: { deep: true } }]
    const bodies: [string, 'post' | 'patch', string[]][] = [
      ['/api/clients', 'post', ['companyName', 'industry', 'website', 'address', 'tagIds', 'primaryContact']],
      [`/api/clients/${clientId}`, 'patch', ['companyName', 'website', 'tagIds']],
      [`/api/clients/${clientId}/contacts`, 'post', ['name', 'email', 'phone', 'isPrimary']],
      ['/api/tags', 'post', ['name', 'color']],
      [`/api/clients/${clientId}/notes`, 'post', ['kind', 'body', 'occurredAt']],
    ]
    // One manager per endpoint keeps each under the per-user rate limit.
    for (const [url, method, fields] of bodies) {
      const { token } = await createUser(a.agencyId, 'manager')
      for (const value of odd) {
        for (const field of fields) {
          const response = await client[method](url).bearerToken(token).json({ companyName: 'Valid', name: 'Valid', kind: 'note', body: 'Valid', [field]: value })
          const what = `${method} ${url} ${field}=${JSON.stringify(value)?.slice(0, 30)}`
          assert.isBelow(response.status(), 500, what)
          assert.notEqual(response.status(), 429, what)
        }
      }
    }
    for (const query of ['search=%00', 'search[]=a', 'tag[a][b]=c', 'page=1e308', 'perPage=-5', 'sort[]=name', `search=${'x'.repeat(500)}`]) {
      const response = await client.get(`/api/clients?${query}`).bearerToken(a.token)
      assert.equal(response.status(), 422, query)
    }
    for (const id of ['0', 'null', "1' or '1'='1", 'ffffffff-ffff-ffff-ffff-ffffffffffff']) {
      ;(await client.get(`/api/clients/${id}`).bearerToken(a.token)).assertStatus(404)
    }
  }).timeout(120_000)
})

test.group('Clients API: contacts', () => {
  test('a client always has exactly one primary contact', async ({ client, assert }) => {
    const a = await createAgency('Primary')
    const created = await client.post('/api/clients').bearerToken(a.token).json({ companyName: 'Soylent' })
    const clientId = created.body().client.id
    assert.isNull(created.body().client.primaryContact)

    const first = await client.post(`/api/clients/${clientId}/contacts`).bearerToken(a.token).json({ name: 'First', email: 'first@soylent.test' })
    first.assertStatus(201)
    assert.isTrue(first.body().contact.isPrimary)

    const second = await client
      .post(`/api/clients/${clientId}/contacts`)
      .bearerToken(a.token)
      .json({ name: 'Second', isPrimary: true, isBillingContact: true, portalAccess: true })
    assert.containsSubset(second.body().contact, { isPrimary: true, isBillingContact: true, portalAccess: true })
    const contacts = async () => (await client.get(`/api/clients/${clientId}/contacts`).bearerToken(a.token)).body().contacts
    assert.deepEqual((await contacts()).map((c: any) => [c.name, c.isPrimary]), [['Second', true], ['First', false]])

    const unset = await client.patch(`/api/contacts/${second.body().contact.id}`).bearerToken(a.token).json({ isPrimary: false })
    unset.assertStatus(422)
    assert.equal(unset.body().errors[0].field, 'isPrimary')

    const promote = await client.patch(`/api/contacts/${first.body().contact.id}`).bearerToken(a.token).json({ isPrimary: true, jobTitle: 'Boss' })
    promote.assertStatus(200)
    assert.deepEqual((await contacts()).map((c: any) => [c.name, c.isPrimary]), [['First', true], ['Second', false]])

    ;(await client.delete(`/api/contacts/${first.body().contact.id}`).bearerToken(a.token)).assertStatus(204)
    assert.deepEqual((await contacts()).map((c: any) => [c.name, c.isPrimary]), [['Second', true]])
    const shown = await client.get(`/api/clients/${clientId}`).bearerToken(a.token)
    assert.equal(shown.body().client.primaryContact.name, 'Second')
  })

  test('contact input is validated', async ({ client, assert }) => {
    const a = await createAgency('Contact input')
    const { clientId } = await createClient(a.agencyId, 'Valid Co')
    const response = await client
      .post(`/api/clients/${clientId}/contacts`)
      .bearerToken(a.token)
      .json({ name: '', email: 'nope', phone: 'x'.repeat(41), isPrimary: 'perhaps' })
    response.assertStatus(422)
    assert.sameMembers(response.body().errors.map((e: any) => e.field), ['name', 'email', 'phone', 'isPrimary'])
    assert.equal(await countRows(a.agencyId, 'contacts'), 1)
  })
})

test.group('Clients API: tags', () => {
  test('tags are created, renamed, recoloured and deleted; names are unique whatever the case', async ({ client, assert }) => {
    const a = await createAgency('Tags')
    const created = await client.post('/api/tags').bearerToken(a.token).json({ name: 'Priority', color: '#FF0000' })
    created.assertStatus(201)
    assert.containsSubset(created.body().tag, { name: 'Priority', color: '#ff0000' })
    const tagId = created.body().tag.id

    const duplicate = await client.post('/api/tags').bearerToken(a.token).json({ name: 'priority' })
    duplicate.assertStatus(422)
    assert.equal(duplicate.body().errors[0].field, 'name')
    ;(await client.post('/api/tags').bearerToken(a.token).json({ name: 'Bad', color: 'red' })).assertStatus(422)

    const other = await client.post('/api/tags').bearerToken(a.token).json({ name: 'Other' })
    const clash = await client.patch(`/api/tags/${other.body().tag.id}`).bearerToken(a.token).json({ name: 'PRIORITY' })
    clash.assertStatus(422)

    const renamed = await client.patch(`/api/tags/${tagId}`).bearerToken(a.token).json({ name: 'Urgent', color: '#00ff00' })
    assert.containsSubset(renamed.body().tag, { name: 'Urgent', color: '#00ff00' })

    const { clientId } = await createClient(a.agencyId, 'Tagged')
    await client.put(`/api/clients/${clientId}/tags`).bearerToken(a.token).json({ tagIds: [tagId] })
    const list = await client.get('/api/tags').bearerToken(a.token)
    assert.containsSubset(list.body().tags, [{ id: tagId, name: 'Urgent', clientCount: 1 }])

    ;(await client.delete(`/api/tags/${tagId}`).bearerToken(a.token)).assertStatus(204)
    const shown = await client.get(`/api/clients/${clientId}`).bearerToken(a.token)
    assert.deepEqual(shown.body().client.tags, [])
  })
})

test.group('Clients API: timeline', () => {
  test('notes are logged and the timeline pages newest first', async ({ client, assert }) => {
    const a = await createAgency('Timeline')
    const { clientId } = await createClient(a.agencyId, 'Chatty')
    const start = Date.parse('2024-01-01T09:00:00Z')
    for (let i = 0; i < 25; i++) {
      const response = await client
        .post(`/api/clients/${clientId}/notes`)
        .bearerToken(a.token)
        .json({ kind: i % 2 ? 'call' : 'note', body: `Entry ${i}`, occurredAt: new Date(start + i * 3600_000).toISOString() })
      response.assertStatus(201)
    }
    const first = await client.get(`/api/clients/${clientId}/timeline`).bearerToken(a.token)
    first.assertStatus(200)
    assert.containsSubset(first.body(), { total: 25, page: 1, perPage: 20, lastPage: 2 })
    assert.lengthOf(first.body().activities, 20)
    assert.equal(first.body().activities[0].body, 'Entry 24')
    assert.containsSubset(first.body().activities[0], { kind: 'note', manual: true, actor: { id: a.userId, name: 'Olivia Owner' }, canDelete: true })
    const second = await client.get(`/api/clients/${clientId}/timeline?page=2`).bearerToken(a.token)
    assert.deepEqual(second.body().activities.map((e: any) => e.body), ['Entry 4', 'Entry 3', 'Entry 2', 'Entry 1', 'Entry 0'])

    const now = await client.post(`/api/clients/${clientId}/notes`).bearerToken(a.token).json({ kind: 'meeting', body: 'Kick-off' })
    now.assertStatus(201)
    assert.equal((await client.get(`/api/clients/${clientId}/timeline`).bearerToken(a.token)).body().activities[0].body, 'Kick-off')
    const shown = await client.get(`/api/clients/${clientId}`).bearerToken(a.token)
    assert.isAbove(Date.parse(shown.body().client.lastActivityAt), Date.now() - 60_000)
  })

  test('bad notes are refused: unknown kind, empty body, a date in the future', async ({ client, assert }) => {
    const a = await createAgency('Bad notes')
    const { clientId } = await createClient(a.agencyId, 'Quiet')
    const response = await client
      .post(`/api/clients/${clientId}/notes`)
      .bearerToken(a.token)
      .json({ kind: 'deal_moved', body: '', occurredAt: new Date(Date.now() + 86400_000).toISOString() })
    response.assertStatus(422)
    assert.sameMembers(response.body().errors.map((e: any) => e.field), ['kind', 'body', 'occurredAt'])
    assert.equal(await countRows(a.agencyId, 'client_activities'), 0)
  })

  test('a manual entry is deleted by its author or an owner; recorded events stay', async ({ client, assert }) => {
    const a = await createAgency('Delete notes')
    const manager = await createUser(a.agencyId, 'manager')
    const otherManager = await createUser(a.agencyId, 'manager')
    const { clientId } = await createClient(a.agencyId, 'Notes Inc')
    const note = await client.post(`/api/clients/${clientId}/notes`).bearerToken(manager.token).json({ kind: 'note', body: 'Mine' })
    const noteId = note.body().activity.id
    ;(await client.delete(`/api/activities/${noteId}`).bearerToken(otherManager.token)).assertStatus(403)
    ;(await client.delete(`/api/activities/${noteId}`).bearerToken(manager.token)).assertStatus(204)

    const ownerNote = await client.post(`/api/clients/${clientId}/notes`).bearerToken(manager.token).json({ kind: 'email', body: 'Sent the brief' })
    ;(await client.delete(`/api/activities/${ownerNote.body().activity.id}`).bearerToken(a.token)).assertStatus(204)

    const { withTenant } = await import('#core/public/tenancy')
    const { recordClientEvent } = await import('#crm/public/timeline')
    const event = await withTenant(a.agencyId, () => recordClientEvent({ clientId, kind: 'invoice_paid', body: 'Invoice INV-1 paid' }))
    const timeline = await client.get(`/api/clients/${clientId}/timeline`).bearerToken(a.token)
    assert.containsSubset(timeline.body().activities, [{ id: event.id, kind: 'invoice_paid', manual: false, canDelete: false, actor: null }])
    ;(await client.delete(`/api/activities/${event.id}`).bearerToken(a.token)).assertStatus(403)
  })
})

test.group('Clients API: tenancy and roles', () => {
  test('another agency\u2019s client, contact, tag and note are 404s', async ({ client, assert }) => {
    const a = await createAgency('Us')
    const b = await createAgency('Them')
    const { clientId } = await createClient(b.agencyId, 'Their Client')
    const tagId = await createTag(b.agencyId, 'Theirs')
    const contacts = await client.get(`/api/clients/${clientId}/contacts`).bearerToken(b.token)
    const contactId = contacts.body().contacts[0].id

    ;(await client.get(`/api/clients/${clientId}`).bearerToken(a.token)).assertStatus(404)
    ;(await client.patch(`/api/clients/${clientId}`).bearerToken(a.token).json({ companyName: 'Mine now' })).assertStatus(404)
    ;(await client.post(`/api/clients/${clientId}/archive`).bearerToken(a.token)).assertStatus(404)
    ;(await client.get(`/api/clients/${clientId}/contacts`).bearerToken(a.token)).assertStatus(404)
    ;(await client.post(`/api/clients/${clientId}/contacts`).bearerToken(a.token).json({ name: 'Spy' })).assertStatus(404)
    ;(await client.patch(`/api/contacts/${contactId}`).bearerToken(a.token).json({ name: 'Spy' })).assertStatus(404)
    ;(await client.delete(`/api/contacts/${contactId}`).bearerToken(a.token)).assertStatus(404)
    ;(await client.patch(`/api/tags/${tagId}`).bearerToken(a.token).json({ name: 'Spy' })).assertStatus(404)
    ;(await client.delete(`/api/tags/${tagId}`).bearerToken(a.token)).assertStatus(404)
    ;(await client.get(`/api/clients/${clientId}/timeline`).bearerToken(a.token)).assertStatus(404)
    ;(await client.post(`/api/clients/${clientId}/notes`).bearerToken(a.token).json({ kind: 'note', body: 'x' })).assertStatus(404)
    ;(await client.get('/api/clients/not-a-uuid').bearerToken(a.token)).assertStatus(404)
    assert.equal((await client.get('/api/clients?search=their').bearerToken(a.token)).body().total, 0)
    assert.deepEqual((await client.get('/api/tags').bearerToken(a.token)).body().tags, [])
    const theirs = await client.get(`/api/clients/${clientId}`).bearerToken(b.token)
    assert.equal(theirs.body().client.companyName, 'Their Client')
  })

  test('a member reads only the clients of their projects and cannot write', async ({ client, assert }) => {
    const a = await createAgency('Roles')
    const member = await createUser(a.agencyId, 'member')
    const assigned = await createClient(a.agencyId, 'Assigned Co')
    const other = await createClient(a.agencyId, 'Other Co')
    await assignMember(a.agencyId, assigned.clientId, member.userId)

    const list = await client.get('/api/clients').bearerToken(member.token)
    list.assertStatus(200)
    assert.deepEqual(names(list.body()), ['Assigned Co'])
    assert.equal(list.body().total, 1)
    ;(await client.get(`/api/clients/${assigned.clientId}`).bearerToken(member.token)).assertStatus(200)
    ;(await client.get(`/api/clients/${other.clientId}`).bearerToken(member.token)).assertStatus(404)
    ;(await client.get(`/api/clients/${assigned.clientId}/timeline`).bearerToken(member.token)).assertStatus(200)

    const contactId = (await client.get(`/api/clients/${assigned.clientId}/contacts`).bearerToken(member.token)).body().contacts[0].id
    const writes = [
      client.post('/api/clients').json({ companyName: 'Nope' }),
      client.patch(`/api/clients/${assigned.clientId}`).json({ companyName: 'Nope' }),
      client.post(`/api/clients/${assigned.clientId}/archive`),
      client.post(`/api/clients/${assigned.clientId}/contacts`).json({ name: 'Nope' }),
      client.patch(`/api/contacts/${contactId}`).json({ name: 'Nope' }),
      client.delete(`/api/contacts/${contactId}`),
      client.post('/api/tags').json({ name: 'Nope' }),
      client.put(`/api/clients/${assigned.clientId}/tags`).json({ tagIds: [] }),
      client.post(`/api/clients/${assigned.clientId}/notes`).json({ kind: 'note', body: 'Nope' }),
    ]
    for (const request of writes) {
      const response = await request.bearerToken(member.token)
      response.assertStatus(403)
      assert.equal(response.body().errors[0].message, 'Only owners and managers can change clients and deals')
    }
    assert.equal(await countRows(a.agencyId, 'clients'), 2)
  })
})
