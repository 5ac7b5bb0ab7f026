import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { asRuntimeRole, type SqlContext as Context } from '#tests/helpers/runtime_role'
import { createAgency, createUser } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

/** The error a refused statement raises ('' when it was not refused). */
async function refusal(context: Context, sql: string, bindings: unknown[] = []) {
  try {
    await asRuntimeRole(context, (trx) => trx.rawQuery(sql, bindings))
    return ''
  } catch (error) {
    return (error as Error).message
  }
}

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort()

/**
 * Written as the schema owner (no RLS): two projects; `manager` manages the
 * first, `member` works on it, `idle` manages nothing.
 */
async function projectsAgency(name: string) {
  const agency = await createAgency(name)
  const manager = await createUser(agency.agencyId, 'manager')
  const idle = await createUser(agency.agencyId, 'manager')
  const member = await createUser(agency.agencyId, 'member')
  const { clientId } = await createClient(agency.agencyId, `${name} client`)
  const owner = db.connection('owner')
  const project = async (title: string) =>
    (await owner.rawQuery(`insert into projects (agency_id, client_id, name, currency) values (?, ?, ?, 'EUR') returning id`, [agency.agencyId, clientId, title])).rows[0]
      .id as string
  const managed = await project('Managed')
  const other = await project('Other')
  await owner.rawQuery(`insert into project_members (agency_id, project_id, user_id, role) values (?, ?, ?, 'manager'), (?, ?, ?, 'member')`, [
    agency.agencyId, managed, manager.userId, agency.agencyId, managed, member.userId,
  ])
  const as = (userId: string, role: string): Context => ({ agencyId: agency.agencyId, userId, role })
  return {
    ...agency,
    clientId,
    managed,
    other,
    ctx: { owner: as(agency.userId, 'owner'), manager: as(manager.userId, 'manager'), idle: as(idle.userId, 'manager'), member: as(member.userId, 'member') },
    users: { manager: manager.userId, idle: idle.userId, member: member.userId },
  }
}

const visibleProjects = (context: Context) => asRuntimeRole(context, async (trx) => ids((await trx.rawQuery('select id from projects')).rows))
const visibleTeam = (context: Context) =>
  asRuntimeRole(context, async (trx) => (await trx.rawQuery('select user_id from project_members order by user_id')).rows.map((row: any) => row.user_id))

test.group('Projects RLS', () => {
  test('owners see every project and team of their agency, nothing of another', async ({ assert }) => {
    const a = await projectsAgency('Alpha')
    const b = await projectsAgency('Bravo')
    assert.deepEqual(await visibleProjects(a.ctx.owner), [a.managed, a.other].sort())
    assert.lengthOf(await visibleTeam(a.ctx.owner), 2)
    assert.deepEqual(await visibleProjects(b.ctx.owner), [b.managed, b.other].sort())
    const changed = await asRuntimeRole(a.ctx.owner, async (trx) => (await trx.rawQuery(`update projects set name = 'x' where id = ?`, [b.managed])).rowCount)
    assert.equal(changed, 0)
  })

  test('a manager sees and changes only the projects they manage, with their whole team', async ({ assert }) => {
    const a = await projectsAgency('Managers')
    assert.deepEqual(await visibleProjects(a.ctx.manager), [a.managed])
    assert.sameMembers(await visibleTeam(a.ctx.manager), [a.users.manager, a.users.member])
    const updated = (context: Context, id: string) =>
      asRuntimeRole(context, async (trx) => (await trx.rawQuery(`update projects set name = 'Renamed' where id = ?`, [id])).rowCount)
    assert.equal(await updated(a.ctx.manager, a.managed), 1)
    assert.equal(await updated(a.ctx.manager, a.other), 0)
    assert.deepEqual(await visibleProjects(a.ctx.idle), [])
    // Not their project: the team cannot be changed.
    assert.match(
      await refusal(a.ctx.idle, `insert into project_members (agency_id, project_id, user_id, role) values (?, ?, ?, 'manager')`, [a.agencyId, a.managed, a.users.idle]),
      /row-level security/
    )
  })

  test('a manager creates a project, reads it back (RETURNING) and becomes its manager', async ({ assert }) => {
    const a = await projectsAgency('Creators')
    const seen = await asRuntimeRole(a.ctx.idle, async (trx) => {
      const { rows } = await trx.rawQuery(`insert into projects (agency_id, client_id, name, currency) values (?, ?, 'Fresh', 'EUR') returning id, created_by_user_id`, [
        a.agencyId, a.clientId,
      ])
      await trx.rawQuery(`insert into project_members (agency_id, project_id, user_id, role) values (?, ?, ?, 'manager') returning project_id`, [a.agencyId, rows[0].id, a.users.idle])
      return { created: rows[0], visible: ids((await trx.rawQuery('select id from projects')).rows), team: (await trx.rawQuery('select user_id from project_members')).rows }
    })
    assert.equal(seen.created.created_by_user_id, a.users.idle)
    assert.deepEqual(seen.visible, [seen.created.id])
    assert.deepEqual(seen.team, [{ user_id: a.users.idle }])
    // Nobody creates a project in someone else's name.
    assert.match(
      await refusal(a.ctx.idle, `insert into projects (agency_id, client_id, name, currency, created_by_user_id) values (?, ?, 'Forged', 'EUR', ?)`, [a.agencyId, a.clientId, a.users.manager]),
      /row-level security/
    )
  })

  test('a member reads the projects they are on and their whole team, and changes nothing', async ({ assert }) => {
    const a = await projectsAgency('Members')
    assert.deepEqual(await visibleProjects(a.ctx.member), [a.managed])
    assert.sameMembers(await visibleTeam(a.ctx.member), [a.users.manager, a.users.member])
    const rowCount = (sql: string, bindings: unknown[]) => asRuntimeRole(a.ctx.member, async (trx) => (await trx.rawQuery(sql, bindings)).rowCount)
    assert.equal(await rowCount(`update projects set name = 'Mine' where id = ?`, [a.managed]), 0)
    assert.equal(await rowCount(`delete from project_members where project_id = ?`, [a.managed]), 0)
    assert.match(await refusal(a.ctx.member, `insert into projects (agency_id, client_id, name, currency) values (?, ?, 'Nope', 'EUR')`, [a.agencyId, a.clientId]), /row-level security/)
  })

  test('without a tenant context nothing is visible', async ({ assert }) => {
    await projectsAgency('Context')
    assert.deepEqual(await visibleProjects(null), [])
    assert.deepEqual(await visibleTeam(null), [])
  })
})
