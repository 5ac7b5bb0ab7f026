import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { portalContact, portalSessionToken } from '#tests/helpers/portal'
import { timeTeam } from '#tests/helpers/time'
import { PDF, PNG, PORTAL_COOKIE, otherCompanyContact, portalTeam, upload } from './deliverable_helpers.js'

const owner = () => db.connection('owner')

test.group('Portal: deliverables', () => {
  test('upload limits: a type that is not allowed or a file over 50 MB is a 422 on the file; nothing is stored', async ({ client, assert }) => {
    const team = await timeTeam('Upload limits')
    const text = await upload(client, team.manager.token, team.projectId, {}, { bytes: Buffer.from('just text'), filename: 'notes.exe', contentType: 'application/octet-stream' })
    text.assertStatus(422)
    assert.equal(text.body().errors[0].field, 'file')
    assert.match(text.body().errors[0].message, /images, PDF, office documents, zip or video/)

    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x20)
    PDF.copy(big)
    const tooBig = await upload(client, team.manager.token, team.projectId, {}, { bytes: big, filename: 'huge.pdf', contentType: 'application/pdf' })
    tooBig.assertStatus(422)
    assert.equal(tooBig.body().errors[0].field, 'file')
    assert.match(tooBig.body().errors[0].message, /at most 50 MB/)

    const noTitle = await client.post(`/api/projects/${team.projectId}/deliverables`).bearerToken(team.manager.token).file('file', PNG, { filename: 'a.png' })
    noTitle.assertStatus(422)
    assert.equal(noTitle.body().errors[0].field, 'title')
    assert.lengthOf(await owner().from('deliverables').where('project_id', team.projectId), 0)

    const ok = await upload(client, team.manager.token, team.projectId, { title: 'Brand guide' }, { bytes: PDF, filename: 'guide.pdf', contentType: 'application/pdf' })
    ok.assertStatus(201)
    assert.containsSubset(ok.body().deliverable, { title: 'Brand guide', fileName: 'guide.pdf', contentType: 'application/pdf', status: 'shared', sizeBytes: PDF.length })
    const row = await owner().from('deliverables').where('id', ok.body().deliverable.id).firstOrFail()
    assert.match(row.file_path, new RegExp(`^deliverables/${team.agencyId}/${team.projectId}/`))
    assert.isTrue(await drive.use().exists(row.file_path))
  }).timeout(60_000)

  test('only the owner and the project’s managers upload (a member gets 403); the audit log records the upload', async ({ client, assert }) => {
    const team = await timeTeam('Who uploads')
    const byMember = await upload(client, team.member.token, team.projectId)
    byMember.assertStatus(403)
    assert.match(byMember.body().errors[0].message, /owner and the managers of this project/)
    ;(await upload(client, team.owner.token, team.projectId)).assertStatus(201)
    const created = await upload(client, team.manager.token, team.projectId)
    created.assertStatus(201)
    const audit = await owner().from('audit_logs').where('entity_id', created.body().deliverable.id)
    assert.deepEqual(audit.map((row) => row.action), ['uploaded'])
    // The member still sees the project's deliverables.
    const list = await client.get(`/api/projects/${team.projectId}/deliverables`).bearerToken(team.member.token)
    list.assertStatus(200)
    assert.lengthOf(list.body().deliverables, 2)
    // Another agency: the project does not exist for them.
    const other = await createAgency('Elsewhere')
    ;(await upload(client, other.token, team.projectId)).assertStatus(404)
  })

  test('asking for approval emails the client’s portal contacts; the contact approves, the decision shows for staff, on the timeline, in audit and access logs', async ({ client, assert }) => {
    const team = await portalTeam('Approval')
    const response = await upload(client, team.manager.token, team.projectId, { title: 'Homepage design', requiresApproval: true })
    response.assertStatus(201)
    const id = response.body().deliverable.id
    assert.equal(response.body().deliverable.status, 'pending')

    const message = await mailCatcher.waitFor(team.contact.email, /New deliverable to approve: Homepage design/)
    assert.include(message.text ?? '', `/portal/projects/${team.projectId}`)

    // The contact sees it with a decision to make.
    const mine = await client.get(`/api/portal/projects/${team.projectId}/deliverables`).withEncryptedCookie(PORTAL_COOKIE, team.portalToken)
    mine.assertStatus(200)
    assert.containsSubset(mine.body().deliverables[0], { id, status: 'pending', can: { decide: true } })

    const approved = await client
      .post(`/api/portal/deliverables/${id}/approve`)
      .withEncryptedCookie(PORTAL_COOKIE, team.portalToken)
      .json({ comment: 'Looks great' })
    approved.assertStatus(200)
    assert.containsSubset(approved.body().deliverable, { id, status: 'approved', decisionComment: 'Looks great', can: { decide: false } })

    // Deciding twice is a conflict.
    ;(await client.post(`/api/portal/deliverables/${id}/approve`).withEncryptedCookie(PORTAL_COOKIE, team.portalToken).json({})).assertStatus(409)

    const staff = await client.get(`/api/projects/${team.projectId}/deliverables`).bearerToken(team.manager.token)
    assert.containsSubset(staff.body().deliverables[0], { id, status: 'approved', decidedBy: { id: team.contact.contactId, name: 'Carla Client' } })

    const timeline = await owner().from('client_activities').where('client_id', team.clientId).where('kind', 'deliverable_approved')
    assert.lengthOf(timeline, 1)
    assert.match(timeline[0].body, /Carla Client approved “Homepage design”/)
    const audit = await owner().from('audit_logs').where('entity_id', id).orderBy('created_at')
    assert.deepEqual(audit.map((row) => [row.action, row.actor_type]), [['uploaded', 'user'], ['approved', 'client']])
    const log = await owner().from('portal_access_logs').where('subject_id', id).where('action', 'approve')
    assert.lengthOf(log, 1)
    assert.equal(log[0].contact_id, team.contact.contactId)
  }).timeout(30_000)

  test('a revision request needs a comment and creates a task at the end of the project’s review column', async ({ client, assert }) => {
    const team = await portalTeam('Revision')
    const id = (await upload(client, team.manager.token, team.projectId, { title: 'Logo v1', requiresApproval: true })).body().deliverable.id
    const shared = (await upload(client, team.manager.token, team.projectId, { title: 'Just FYI' })).body().deliverable.id
    // A task already in review: the new one goes after it.
    await client.post(`/api/projects/${team.projectId}/tasks`).bearerToken(team.manager.token).json({ title: 'Earlier review', status: 'review' })

    const empty = await client.post(`/api/portal/deliverables/${id}/revision`).withEncryptedCookie(PORTAL_COOKIE, team.portalToken).json({ comment: '  ' })
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].field, 'comment')

    const revision = await client
      .post(`/api/portal/deliverables/${id}/revision`)
      .withEncryptedCookie(PORTAL_COOKIE, team.portalToken)
      .json({ comment: 'Make the blue darker, please' })
    revision.assertStatus(200)
    assert.equal(revision.body().deliverable.status, 'revision_requested')

    const row = await owner().from('deliverables').where('id', id).firstOrFail()
    assert.isNotNull(row.revision_task_id)
    const task = await owner().from('tasks').where('id', row.revision_task_id).firstOrFail()
    assert.equal(task.status, 'review')
    assert.equal(task.project_id, team.projectId)
    assert.isTrue(task.visible_to_client)
    assert.equal(task.position, 1)
    assert.match(task.title, /Revision requested: Logo v1/)
    assert.include(task.description, 'Make the blue darker, please')
    // The board shows it in the review column.
    const board = await client.get(`/api/projects/${team.projectId}/tasks`).bearerToken(team.manager.token)
    if (board.status() === 200) {
      const tasks = board.body().tasks ?? board.body()
      assert.isTrue(JSON.stringify(tasks).includes(row.revision_task_id))
    }
    const timeline = await owner().from('client_activities').where('client_id', team.clientId).where('kind', 'deliverable_revision_requested')
    assert.lengthOf(timeline, 1)
    const audit = await owner().from('audit_logs').where('entity_id', id).where('action', 'revision_requested')
    assert.lengthOf(audit, 1)

    // A deliverable that does not ask for approval cannot be decided.
    ;(await client.post(`/api/portal/deliverables/${shared}/approve`).withEncryptedCookie(PORTAL_COOKIE, team.portalToken).json({})).assertStatus(409)
  })

  test('another company’s (or agency’s) deliverable is a 404 for a contact; staff tokens are not portal logins', async ({ client, assert }) => {
    const team = await portalTeam('Isolation')
    const id = (await upload(client, team.manager.token, team.projectId, { requiresApproval: true })).body().deliverable.id
    const other = await otherCompanyContact(team.agencyId)
    for (const path of [`/api/portal/deliverables/${id}/approve`, `/api/portal/deliverables/${id}/revision`]) {
      const response = await client.post(path).withEncryptedCookie(PORTAL_COOKIE, other.portalToken).json({ comment: 'x' })
      response.assertStatus(404)
    }
    ;(await client.get(`/api/portal/deliverables/${id}/download`).withEncryptedCookie(PORTAL_COOKIE, other.portalToken)).assertStatus(404)
    ;(await client.get(`/api/portal/projects/${team.projectId}/deliverables`).withEncryptedCookie(PORTAL_COOKIE, other.portalToken)).assertStatus(404)

    const elsewhere = await timeTeam('Other agency')
    const foreign = await portalContact(elsewhere.agencyId, elsewhere.clientId)
    const foreignToken = await portalSessionToken(foreign)
    ;(await client.post(`/api/portal/deliverables/${id}/approve`).withEncryptedCookie(PORTAL_COOKIE, foreignToken).json({})).assertStatus(404)

    ;(await client.post(`/api/portal/deliverables/${id}/approve`).bearerToken(team.manager.token).json({})).assertStatus(401)
    const row = await owner().from('deliverables').where('id', id).firstOrFail()
    assert.equal(row.status, 'pending')
  })

  test('the Files tab renders for the team, with the upload form only for those who run the project', async ({ client, assert }) => {
    const team = await timeTeam('Files tab')
    ;(await upload(client, team.manager.token, team.projectId, { title: 'Wireframes' })).assertStatus(201)
    const { WebSession } = await import('#tests/helpers/web_session')
    for (const [who, manage] of [
      [team.manager, true],
      [team.member, false],
    ] as const) {
      const web = new WebSession(client)
      await web.login(who.email, PASSWORD)
      const page = await web.page(`/projects/${team.projectId}/files`)
      assert.equal(page.component, 'portal/staff/project_files')
      assert.equal(page.props.can.manage, manage)
      assert.equal(page.props.deliverables[0].title, 'Wireframes')
      assert.equal(page.props.project.id, team.projectId)
    }
  })
})
