import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { otherCompanyContact, PORTAL_COOKIE, portalTeam, upload } from './deliverable_helpers.js'

const owner = () => db.connection('owner')

test.group('Portal: feedback API', () => {
  test('POST /api/portal/feedback answers 201 pending and creates a task in the review column; its progress shows to the contact', async ({ client, assert }) => {
    const team = await portalTeam('Feedback')
    const deliverableId = (await upload(client, team.manager.token, team.projectId, { title: 'Landing page' })).body().deliverable.id
    const response = await client
      .post('/api/portal/feedback')
      .withEncryptedCookie(PORTAL_COOKIE, team.portalToken)
      .json({ projectId: team.projectId, deliverableId, body: 'The hero image feels too dark on mobile.' })
    response.assertStatus(201)
    assert.containsSubset(response.body(), { feedback: { status: 'pending' } })
    const id = response.body().feedback.id

    const row = await owner().from('portal_feedback').where('id', id).firstOrFail()
    assert.equal(row.contact_id, team.contact.contactId)
    assert.equal(row.deliverable_id, deliverableId)
    const task = await owner().from('tasks').where('id', row.task_id).firstOrFail()
    assert.equal(task.status, 'review')
    assert.equal(task.project_id, team.projectId)
    assert.match(task.title, /^Client feedback on Landing page: The hero image/)
    assert.include(task.description, 'The hero image feels too dark on mobile.')

    const timeline = await owner().from('client_activities').where('client_id', team.clientId).where('kind', 'portal_feedback')
    assert.lengthOf(timeline, 1)
    const log = await owner().from('portal_access_logs').where('contact_id', team.contact.contactId).where('action', 'feedback')
    assert.lengthOf(log, 1)

    const statusOf = async () => {
      const list = await client.get(`/api/portal/projects/${team.projectId}/deliverables`).withEncryptedCookie(PORTAL_COOKIE, team.portalToken)
      list.assertStatus(200)
      return list.body().feedback.find((item: any) => item.id === id).status
    }
    assert.equal(await statusOf(), 'pending')
    ;(await client.patch(`/api/tasks/${row.task_id}`).bearerToken(team.manager.token).json({ status: 'in_progress' })).assertStatus(200)
    assert.equal(await statusOf(), 'in_progress')
    ;(await client.patch(`/api/tasks/${row.task_id}`).bearerToken(team.manager.token).json({ status: 'done' })).assertStatus(200)
    assert.equal(await statusOf(), 'done')

    // Staff see it on the Files tab with who sent it.
    const staff = await client.get(`/api/projects/${team.projectId}/deliverables`).bearerToken(team.member.token)
    assert.containsSubset(staff.body().feedback[0], { id, status: 'done', contact: { name: 'Carla Client' }, deliverableTitle: 'Landing page' })
  })

  test('bad input is a 422; another company’s project a 404; no portal session a 401', async ({ client, assert }) => {
    const team = await portalTeam('Feedback errors')
    const send = (body: Record<string, unknown>, token = team.portalToken) =>
      client.post('/api/portal/feedback').withEncryptedCookie(PORTAL_COOKIE, token).json(body)

    const empty = await send({ projectId: team.projectId, body: '   ' })
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].field, 'body')
    ;(await send({ body: 'Hello' })).assertStatus(422)

    // A deliverable of another project is refused on the field.
    const other = await otherCompanyContact(team.agencyId)
    const wrongDeliverable = await send({ projectId: team.projectId, deliverableId: '00000000-0000-4000-8000-000000000000', body: 'Hi' })
    wrongDeliverable.assertStatus(422)
    assert.equal(wrongDeliverable.body().errors[0].field, 'deliverableId')

    ;(await send({ projectId: team.projectId, body: 'Not my project' }, other.portalToken)).assertStatus(404)
    ;(await client.post('/api/portal/feedback').bearerToken(team.manager.token).json({ projectId: team.projectId, body: 'x' })).assertStatus(401)
    assert.lengthOf(await owner().from('portal_feedback').where('project_id', team.projectId), 0)
    assert.lengthOf(await owner().from('tasks').where('project_id', team.projectId).where('status', 'review'), 0)
  })
})
