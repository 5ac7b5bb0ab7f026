import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { fieldError } from '#core/public/errors'
import { onDealWon, wonDealHandler } from '#crm/public/won_deals'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

async function signIn(client: ApiClient) {
  const a = await createAgency('Pages')
  const web = await new WebSession(client).login(a.email, PASSWORD)
  return { a, web }
}

async function apiDeal(client: ApiClient, token: string, body: Record<string, unknown>) {
  const response = await client.post('/api/deals').bearerToken(token).json({ title: 'Website', value: 2_500_000, ...body })
  response.assertStatus(201)
  return response.body().deal
}

test.group('Deal pages', () => {
  test('the board renders a column per stage with its totals, the pipeline totals and the forecast', async ({ client, assert }) => {
    const { a, web } = await signIn(client)
    const { clientId } = await createClient(a.agencyId, 'Acme')
    await apiDeal(client, a.token, { clientId, value: 1005, probability: 25, expectedCloseDate: '2026-11-01' })
    await apiDeal(client, a.token, { client: { companyName: 'Globex' }, value: 1005, probability: 25, stage: 'Proposal' })

    const response = await web.get('/deals')
    response.assertStatus(200)
    assert.match(response.text(), /<h3 id="deal-[^"]+-title"/) // cards are server-rendered
    const page = (await web.page('/deals'))
    assert.equal(page.component, 'crm/deals/index')
    const { board, forecast, options } = page.props
    assert.deepEqual(
      board.columns.map((column: any) => [column.name, column.totals.count, column.totals.value, column.totals.weightedValue]),
      [
        ['Lead', 1, 1005, 251],
        ['Proposal', 1, 1005, 251],
        ['Negotiation', 0, 0, 0],
        ['Won', 0, 0, null],
        ['Lost', 0, 0, null],
      ]
    )
    assert.deepEqual(board.pipeline, { count: 2, value: 2010, weightedValue: 503 })
    assert.equal(board.columns[1].deals[0].prospect.companyName, 'Globex')
    assert.deepEqual(forecast.months, [{ month: '2026-11', count: 1, value: 1005, weightedValue: 251 }])
    assert.equal(options.currency, 'USD')
    assert.deepEqual(options.staff, [{ id: a.userId, name: 'Olivia Owner' }])
    assert.lengthOf(options.stages, 5)
    assert.isNull(page.props.wonProject)
  })

  test('members get a 403 on every pipeline page; managers see them', async ({ client, assert }) => {
    const { a } = await signIn(client)
    const deal = await apiDeal(client, a.token, { client: { companyName: 'Initech' } })
    const member = await createUser(a.agencyId, 'member')
    const web = await new WebSession(client).login(member.email, PASSWORD)
    for (const url of ['/deals', '/deals/list', '/deals/stages', `/deals/${deal.id}`, '/deals/client-options']) {
      assert.equal((await web.get(url)).status(), 403, url)
    }
    const created = await web.post('/deals', { title: 'Sneaky', value: 1, client: { companyName: 'X' } })
    assert.equal(created.status(), 403)
    assert.equal((await web.put(`/deals/${deal.id}/stage`, { stage: 'won' }, '/deals')).status(), 403)
    assert.lengthOf(await owner().from('deals').where('agency_id', a.agencyId), 1)

    const manager = await createUser(a.agencyId, 'manager')
    const managerWeb = await new WebSession(client).login(manager.email, PASSWORD)
    assert.equal((await managerWeb.page('/deals')).component, 'crm/deals/index')
  })

  test('a deal is created from the form and moved on the board; won links to the project', async ({ client, assert }) => {
    const { a, web } = await signIn(client)
    const created = await web.post('/deals', {
      title: 'Brand refresh',
      value: 1_200_000,
      probability: 30,
      expectedCloseDate: '2026-12-01',
      ownerId: a.userId,
      stage: (await web.page('/deals')).props.options.stages[0].id,
      client: { companyName: 'Umbrella', contactName: 'Alice', contactEmail: null },
    })
    assert.equal(created.status(), 302)
    const board = (await web.page('/deals')).props.board
    const deal = board.columns[0].deals[0]
    assert.containsSubset(deal, { title: 'Brand refresh', value: 1_200_000, probability: 30, prospect: { companyName: 'Umbrella', contactName: 'Alice' } })

    const proposal = board.columns[1]
    const moved = await web.put(`/deals/${deal.id}/stage`, { stage: proposal.id, position: 0 }, '/deals')
    assert.equal(moved.status(), 302)
    assert.equal(moved.header('location'), '/deals')

    const won = board.columns.find((column: any) => column.kind === 'won')
    await web.put(`/deals/${deal.id}/stage`, { stage: won.id }, '/deals')
    const after = await web.page('/deals')
    const project = await owner().from('projects').where('source_deal_id', deal.id).first()
    assert.deepEqual(after.props.wonProject, { id: project.id, dealTitle: 'Brand refresh' })
    assert.equal(after.props.flash.success, '“Brand refresh” is won: its project is ready')
    assert.equal(after.props.board.columns[3].deals[0].projectId, project.id)

    // Leaving won is refused with a message on the board, and nothing changes.
    const refused = await web.put(`/deals/${deal.id}/stage`, { stage: board.columns[0].id }, '/deals')
    assert.equal(refused.status(), 302)
    const again = await web.page('/deals')
    assert.equal(again.props.flash.error, '“Brand refresh” is won and has a project, so it stays in Won')
    assert.equal(again.props.board.columns[3].totals.count, 1)
  })

  test('lost without a reason comes back as a field error; bad form input too', async ({ client, assert }) => {
    const { a, web } = await signIn(client)
    const deal = await apiDeal(client, a.token, { client: { companyName: 'Hooli' } })
    const lost = (await web.page('/deals')).props.board.columns[4]
    const refused = await web.put(`/deals/${deal.id}/stage`, { stage: lost.id, lostReason: '' }, '/deals')
    assert.equal(refused.status(), 302)
    assert.equal((await web.page('/deals')).props.errors.lostReason, 'Say why the deal was lost')
    const row = await owner().from('deals').where('id', deal.id).first()
    assert.isNull(row.lost_reason)

    await web.post('/deals', { title: '', value: -3, client: { companyName: 'Bad' } })
    const errors = (await web.page('/deals')).props.errors
    assert.properties(errors, ['title', 'value'])
  })

  test('a field error from the project handler on a page request still leaves the deal unchanged', async ({ client, assert }) => {
    const { a, web } = await signIn(client)
    const deal = await apiDeal(client, a.token, { client: { companyName: 'Fragile' } })
    const before = await owner().from('deals').where('id', deal.id).first()
    const original = wonDealHandler()
    // Answered on a page with a redirect (302), which commits the request transaction.
    onDealWon(async () => fieldError('template', 'The project template is missing'))
    try {
      const response = await web.put(`/deals/${deal.id}/stage`, { stage: 'won' }, '/deals')
      assert.equal(response.status(), 302)
    } finally {
      onDealWon(original)
    }
    assert.deepEqual(await owner().from('deals').where('id', deal.id).first(), before)
    assert.lengthOf(await owner().from('clients').where('agency_id', a.agencyId), 0)
    assert.lengthOf(await owner().from('client_activities').where('deal_id', deal.id), 1)
  })

  test('the list, the deal page and the stages page render', async ({ client, assert }) => {
    const { a, web } = await signIn(client)
    const { clientId } = await createClient(a.agencyId, 'Acme')
    const deal = await apiDeal(client, a.token, { clientId, description: 'Scope of work' })
    await client.put(`/api/deals/${deal.id}/stage`).bearerToken(a.token).json({ stage: 'lost', lostReason: 'Too pricey' })
    await apiDeal(client, a.token, { clientId, title: 'Second' })

    const list = await web.page(`/deals/list?status=lost&clientId=${clientId}`)
    assert.equal(list.component, 'crm/deals/list')
    assert.containsSubset(list.props.list, { total: 1, page: 1, perPage: 25, lastPage: 1 })
    assert.equal(list.props.list.deals[0].id, deal.id)
    assert.deepEqual(list.props.filterClient, { id: clientId, companyName: 'Acme' })
    assert.equal((await web.get('/deals/list?status=maybe')).status(), 302)

    const show = await web.page(`/deals/${deal.id}`)
    assert.equal(show.component, 'crm/deals/show')
    assert.containsSubset(show.props.deal, { title: 'Website', lostReason: 'Too pricey', client: { id: clientId } })
    assert.deepEqual(show.props.history.map((entry: any) => entry.kind), ['deal_moved', 'deal_created'])
    assert.equal(show.props.history[0].actorName, 'Olivia Owner')

    const b = await createAgency('Other')
    const theirs = await apiDeal(client, b.token, { client: { companyName: 'Theirs' } })
    assert.equal((await web.get(`/deals/${theirs.id}`)).status(), 404)

    const stages = await web.page('/deals/stages')
    assert.equal(stages.component, 'crm/deals/stages')
    assert.deepEqual(stages.props.stages.map((stage: any) => [stage.name, stage.totals.count]), [
      ['Lead', 1],
      ['Proposal', 0],
      ['Negotiation', 0],
      ['Won', 0],
      ['Lost', 1],
    ])

    const options = await web.get('/deals/client-options?search=acm')
    assert.deepEqual(options.body(), { clients: [{ id: clientId, companyName: 'Acme' }] })
  })

  test('the deal page edits and deletes; the stages page creates, reorders and refuses to delete a busy stage', async ({ client, assert }) => {
    const { a, web } = await signIn(client)
    const { clientId } = await createClient(a.agencyId, 'Acme')
    const deal = await apiDeal(client, a.token, { clientId })
    const edited = await web.patch(`/deals/${deal.id}`, { title: 'Website v2', value: 99, expectedCloseDate: null })
    assert.equal(edited.status(), 302)
    assert.containsSubset((await web.page(`/deals/${deal.id}`)).props.deal, { title: 'Website v2', value: 99 })

    await web.post('/deals/stages', { name: 'Discovery', defaultProbability: 20 })
    const stages = (await web.page('/deals/stages')).props.stages
    assert.deepEqual(stages.map((stage: any) => stage.name), ['Lead', 'Proposal', 'Negotiation', 'Discovery', 'Won', 'Lost'])
    const open = stages.filter((stage: any) => stage.kind === 'open').map((stage: any) => stage.id).reverse()
    const reordered = await web.put('/deals/stages/order', { stageIds: open }, '/deals/stages')
    assert.equal(reordered.status(), 302)
    assert.deepEqual((await web.page('/deals/stages')).props.stages.map((stage: any) => stage.name), ['Discovery', 'Negotiation', 'Proposal', 'Lead', 'Won', 'Lost'])

    const lead = stages[0]
    const busy = await web.send('delete', `/deals/stages/${lead.id}`)
    assert.equal(busy.status(), 302)
    assert.equal((await web.page('/deals/stages')).props.flash.error, '“Lead” still holds 1 deal: move or delete them first')

    const deleted = await web.delete(`/deals/${deal.id}`)
    assert.equal(deleted.header('location'), '/deals')
    assert.isNull(await owner().from('deals').where('id', deal.id).first())
  })
})
