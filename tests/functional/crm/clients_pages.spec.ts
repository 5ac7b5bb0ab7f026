import { test } from '@japa/runner'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { assignMember, countRows, createClient, createTag, tagClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

test.group('Client pages', () => {
  test('the owner sees the list with filters from the query string, totals and write controls', async ({ client, assert }) => {
    const a = await createAgency('Pages')
    const vip = await createTag(a.agencyId, 'VIP', '#f59e0b')
    const { clientId } = await createClient(a.agencyId, 'Wayne Enterprises', { name: 'Lucius Fox', email: 'lucius@wayne.test' })
    await createClient(a.agencyId, 'Stark Industries', { name: 'Pepper Potts', email: 'pepper@stark.test' })
    await tagClient(a.agencyId, clientId, [vip])
    const web = await new WebSession(client).login(a.email, PASSWORD)

    const page = await web.page('/clients')
    assert.equal(page.component, 'crm/clients/index')
    assert.containsSubset(page.props.list, { total: 2, page: 1, perPage: 25 })
    assert.deepEqual(page.props.list.clients.map((c: any) => c.companyName), ['Stark Industries', 'Wayne Enterprises'])
    assert.isTrue(page.props.can.manage)
    assert.containsSubset(page.props.tags, [{ id: vip, name: 'VIP', clientCount: 1 }])
    assert.deepEqual(page.props.stages.map((stage: any) => stage.name), ['Lead', 'Proposal', 'Negotiation', 'Won', 'Lost'])

    const filtered = await web.page(`/clients?search=lucius&tag[]=${vip}&sort=activity`)
    assert.deepEqual(filtered.props.list.clients.map((c: any) => c.companyName), ['Wayne Enterprises'])
    assert.containsSubset(filtered.props.filters, { search: 'lucius', tag: [vip], sort: 'activity', archived: 'false' })
    assert.containsSubset(filtered.props.list.clients[0], { primaryContact: { name: 'Lucius Fox' }, tags: [{ name: 'VIP', color: '#f59e0b' }] })

    const empty = await web.page('/clients?search=nobody')
    assert.equal(empty.props.list.total, 0)
    ;(await web.get('/clients?perPage=1000')).assertStatus(302)
  })

  test('the client page shows details, contacts, timeline, deals and related sections', async ({ client, assert }) => {
    const a = await createAgency('Show')
    const { clientId } = await createClient(a.agencyId, 'Tyrell Corp', { name: 'Eldon Tyrell', email: 'eldon@tyrell.test' })
    const web = await new WebSession(client).login(a.email, PASSWORD)

    const logged = await web.post(`/clients/${clientId}/activities`, { kind: 'call', body: 'Discussed the replicant brief' })
    assert.equal(logged.header('location'), `/clients/${clientId}`)

    const page = await web.page(`/clients/${clientId}`)
    assert.equal(page.component, 'crm/clients/show')
    assert.containsSubset(page.props.client, { companyName: 'Tyrell Corp', lifetimeRevenue: 0, contacts: [{ name: 'Eldon Tyrell', isPrimary: true }] })
    assert.containsSubset(page.props.timeline, [{ kind: 'call', body: 'Discussed the replicant brief', actor: { name: 'Olivia Owner' }, canDelete: true }])
    assert.deepEqual(page.props.timelineMeta, { page: 1, lastPage: 1, total: 1 })
    assert.deepEqual(page.props.deals, [])
    assert.isArray(page.props.related)
    assert.deepEqual(page.props.can, { manage: true, viewPipeline: true })
  })

  test('clients are created, edited, tagged, given contacts and archived through the pages', async ({ client, assert }) => {
    const a = await createAgency('Flows')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    assert.equal((await web.page('/clients/create')).component, 'crm/clients/create')

    const invalid = await web.post('/clients', { companyName: '', website: 'nope nope', primaryContact: { name: 'X', email: 'bad' } })
    assert.equal(invalid.status(), 302)
    const withErrors = await web.page('/clients/create')
    assert.properties(withErrors.props.errors, ['companyName', 'website', 'primaryContact.email'])
    assert.equal(await countRows(a.agencyId, 'clients'), 0)

    const created = await web.post('/clients', {
      companyName: 'Cyberdyne',
      industry: 'Robotics',
      tagIds: [],
      primaryContact: { name: 'Miles Dyson', email: 'miles@cyberdyne.test', phone: '', jobTitle: '' },
    })
    const location = created.header('location') ?? ''
    assert.match(location, /^\/clients\/[0-9a-f-]{36}$/)

    await web.post(`${location}/contacts`, { name: 'Sarah Connor', email: 'sarah@cyberdyne.test', isPrimary: true })
    await web.post(`${location}/tags`, { name: 'Defense' })
    await web.patch(location, { companyName: 'Cyberdyne Systems', industry: 'Robotics', website: 'cyberdyne.test', address: '', tagIds: undefined })
    await web.post(`${location}/archive`)

    const page = await web.page(location)
    assert.containsSubset(page.props.client, {
      companyName: 'Cyberdyne Systems',
      website: 'cyberdyne.test',
      tags: [{ name: 'Defense' }],
      primaryContact: { name: 'Sarah Connor' },
    })
    assert.isString(page.props.client.archivedAt)
    assert.deepEqual(page.props.client.contacts.map((c: any) => [c.name, c.isPrimary]), [['Sarah Connor', true], ['Miles Dyson', false]])

    const list = await web.page('/clients?archived=true')
    assert.deepEqual(list.props.list.clients.map((c: any) => c.companyName), ['Cyberdyne Systems'])
    assert.equal((await web.page('/clients')).props.list.total, 0)
    assert.equal((await web.page(`${location}/edit`)).component, 'crm/clients/edit')
  })

  test('the tags page lists tags with counts; a duplicate name is a field error', async ({ client, assert }) => {
    const a = await createAgency('Tag page')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    await web.post('/clients/tags', { name: 'Retainer', color: '#22c55e' })
    await web.post('/clients/tags', { name: 'RETAINER', color: '#22c55e' })
    const page = await web.page('/clients/tags')
    assert.equal(page.component, 'crm/tags/index')
    assert.equal(page.props.errors.name, 'A tag named “RETAINER” already exists')
    assert.containsSubset(page.props.tags, [{ name: 'Retainer', color: '#22c55e', clientCount: 0 }])
    assert.lengthOf(page.props.tags, 1)
  })

  test('the import page renders the format for the owner', async ({ client, assert }) => {
    const a = await createAgency('Import page')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const page = await web.page('/clients/import')
    assert.equal(page.component, 'crm/clients/import')
    assert.isNull(page.props.preview)
    assert.includeMembers(page.props.format.columns, ['company', 'contact_email', 'tags'])
    const template = await web.get('/clients/import/template.csv')
    template.assertStatus(200)
    assert.match(template.text(), /^company,industry,website,contact_name,contact_email,contact_phone,contact_job_title,tags\n/)
  })

  test('a member reads assigned clients without write controls and is refused every write', async ({ client, assert }) => {
    const a = await createAgency('Member pages')
    const member = await createUser(a.agencyId, 'member')
    const { clientId } = await createClient(a.agencyId, 'Assigned Ltd')
    const other = await createClient(a.agencyId, 'Hidden Ltd')
    await assignMember(a.agencyId, clientId, member.userId)
    const web = await new WebSession(client).login(member.email, PASSWORD)

    const list = await web.page('/clients')
    assert.isFalse(list.props.can.manage)
    assert.deepEqual(list.props.list.clients.map((c: any) => c.companyName), ['Assigned Ltd'])
    assert.deepEqual(list.props.stages, [], 'members see no deals, so no stage filter')

    const show = await web.page(`/clients/${clientId}`)
    assert.deepEqual(show.props.can, { manage: false, viewPipeline: false })
    assert.isNull(show.props.deals)
    assert.deepEqual(show.props.tags, [])
    ;(await web.get(`/clients/${other.clientId}`)).assertStatus(404)

    assert.isFalse((await web.page('/clients/tags')).props.can.manage)
    for (const url of ['/clients/create', '/clients/import', `/clients/${clientId}/edit`]) {
      ;(await web.get(url)).assertStatus(403)
    }
    const writes = [
      web.post('/clients', { companyName: 'Nope' }),
      web.patch(`/clients/${clientId}`, { companyName: 'Nope' }),
      web.post(`/clients/${clientId}/archive`),
      web.post(`/clients/${clientId}/contacts`, { name: 'Nope' }),
      web.post(`/clients/${clientId}/tags`, { name: 'Nope' }),
      web.post(`/clients/${clientId}/activities`, { kind: 'note', body: 'Nope' }),
      web.post('/clients/tags', { name: 'Nope' }),
      web.post('/clients/import/preview'),
    ]
    for (const response of await Promise.all(writes)) response.assertStatus(403)
    assert.equal(await countRows(a.agencyId, 'contacts'), 2)
    assert.equal(await countRows(a.agencyId, 'tags'), 0)
  })
})
