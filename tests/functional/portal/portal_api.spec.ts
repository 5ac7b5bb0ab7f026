import { test } from '@japa/runner'
import { PORTAL_COOKIE } from '#tests/helpers/portal'
import { accessLog, owner, portalWorld } from '#tests/helpers/portal_views'

test.group('Portal API', () => {
  test('GET /api/portal/projects lists only the company\u2019s projects, with status and real progress', async ({ client, assert }) => {
    const world = await portalWorld('Api list')
    const response = await client.get('/api/portal/projects').withEncryptedCookie(PORTAL_COOKIE, world.token)
    response.assertStatus(200)
    const { projects } = response.body()
    assert.sameMembers(
      projects.map((project: any) => project.id),
      [world.team.projectId, world.planningProjectId]
    )
    const active = projects.find((project: any) => project.id === world.team.projectId)
    // Done 1 h of 4 h estimated: the whole project, not only the tasks shared with the client.
    assert.include(active, { name: 'Api list project', status: 'active', progress: 25 })
    assert.deepEqual(
      active.nextMilestones.map((milestone: any) => milestone.name),
      ['Beta launch']
    )
    assert.notInclude(JSON.stringify(response.body()), 'Rival secret project')
  }).timeout(60_000)

  test('GET /api/portal/projects/:id answers the project with visible tasks and milestones; another company\u2019s id is 404', async ({ client, assert }) => {
    const world = await portalWorld('Api show')
    const response = await client.get(`/api/portal/projects/${world.team.projectId}`).withEncryptedCookie(PORTAL_COOKIE, world.token)
    response.assertStatus(200)
    const { project } = response.body()
    assert.include(project, { id: world.team.projectId, status: 'active', progress: 25 })
    assert.sameMembers(
      project.tasks.map((task: any) => task.id),
      [world.tasks.doneTask, world.tasks.movingTask]
    )
    assert.deepEqual(project.tasks.map((task: any) => task.status).sort(), ['done', 'in_progress'])
    assert.notInclude(JSON.stringify(project), 'Internal refactor')
    assert.deepEqual(project.milestones.map((milestone: any) => [milestone.name, milestone.status]), [
      ['Beta launch', 'open'],
      ['Kick-off', 'completed'],
    ])
    assert.includeMembers(
      project.recentActivity.map((event: any) => event.kind),
      ['task_completed', 'task_moved', 'milestone_completed']
    )

    for (const id of [world.other.projectId, '00000000-0000-4000-8000-000000000000']) {
      const hidden = await client.get(`/api/portal/projects/${id}`).withEncryptedCookie(PORTAL_COOKIE, world.token)
      hidden.assertStatus(404)
      assert.notInclude(hidden.text(), 'Rival')
    }
    const views = await accessLog(world.contact.contactId)
    assert.deepInclude(views, { action: 'view', subject_type: 'project', subject_id: world.team.projectId, detail: 'GET /api/portal/projects/:id' })
  }).timeout(60_000)

  test('invoices: only the company\u2019s sent invoices; a draft or another company\u2019s invoice is 404', async ({ client, assert }) => {
    const world = await portalWorld('Api invoices')
    const list = await client.get('/api/portal/invoices').withEncryptedCookie(PORTAL_COOKIE, world.token)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().invoices.map((invoice: any) => invoice.id),
      [world.sentInvoice.id]
    )
    assert.include(list.body().invoices[0], { number: world.sentInvoice.number, total: world.sentInvoice.total, amountDue: world.sentInvoice.total, payable: true })

    const show = await client.get(`/api/portal/invoices/${world.sentInvoice.id}`).withEncryptedCookie(PORTAL_COOKIE, world.token)
    show.assertStatus(200)
    const { invoice } = show.body()
    assert.equal(invoice.total, invoice.subtotal + invoice.tax)
    assert.equal(
      invoice.lines.reduce((sum: number, line: any) => sum + line.amount, 0),
      invoice.subtotal
    )
    assert.isAbove(invoice.lines.length, 0)

    for (const id of [world.draftInvoice.id, world.other.invoice.id]) {
      const hidden = await client.get(`/api/portal/invoices/${id}`).withEncryptedCookie(PORTAL_COOKIE, world.token)
      hidden.assertStatus(404)
    }
  }).timeout(60_000)

  test('a staff token, a staff session or no cookie is not a portal login: 401', async ({ client, assert }) => {
    const world = await portalWorld('Api staff')
    for (const path of ['/api/portal/projects', `/api/portal/projects/${world.team.projectId}`, '/api/portal/invoices', `/api/portal/invoices/${world.sentInvoice.id}`]) {
      const staff = await client.get(path).bearerToken(world.team.owner.token)
      staff.assertStatus(401)
      const anonymous = await client.get(path)
      anonymous.assertStatus(401)
    }
    const ended = await client.get('/api/portal/projects').withEncryptedCookie(PORTAL_COOKIE, 'not-a-session-token-at-all-000000')
    ended.assertStatus(401)
    // Revoked access ends the session at once.
    await owner().from('contacts').where('id', world.contact.contactId).update({ portal_access: false })
    const revoked = await client.get('/api/portal/projects').withEncryptedCookie(PORTAL_COOKIE, world.token)
    revoked.assertStatus(401)
    assert.lengthOf(await accessLog(world.contact.contactId), 0)
  }).timeout(60_000)
})
