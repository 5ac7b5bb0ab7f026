import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { appRole } from '#config/database'
import { asRuntimeRole, type SqlContext as Context } from '#tests/helpers/runtime_role'
import { createAgency, createUser } from '#tests/helpers/factories'

/** One statement in its own transaction (a refused statement aborts the transaction it runs in). */
function runAs(context: Context, sql: string, bindings: string[] = []): Promise<{ rowCount: number }> {
  return asRuntimeRole(context, async (trx) => await trx.rawQuery(sql, bindings))
}

/** The error a refused statement raises ('' when it was not refused). */
async function refusal(context: Context, sql: string, bindings: string[] = []) {
  try {
    await runAs(context, sql, bindings)
    return ''
  } catch (error) {
    return (error as Error).message
  }
}

const CRM_TABLES = ['tags', 'clients', 'contacts', 'client_tags', 'deal_stages', 'deals', 'client_activities', 'projects', 'project_members']

/**
 * Written as the schema owner (no RLS): two clients, each with a contact, a
 * tag link, a deal, a timeline entry and a project; the member is assigned
 * to the first client's project only.
 */
async function seedCrm(agencyId: string, memberId: string) {
  const owner = db.connection('owner')
  const id = async (sql: string, bindings: string[]) => (await owner.rawQuery(`${sql} returning id`, bindings)).rows[0].id as string
  const stage = await owner.from('deal_stages').where({ agency_id: agencyId, kind: 'open' }).orderBy('position').first()
  const tagId = await id(`insert into tags (agency_id, name) values (?, 'VIP')`, [agencyId])
  const rows = []
  for (const name of ['Assigned Co', 'Other Co']) {
    const clientId = await id(`insert into clients (agency_id, company_name) values (?, ?)`, [agencyId, name])
    const contactId = await id(`insert into contacts (agency_id, client_id, name, email, is_primary) values (?, ?, 'Pat', 'pat@example.test', true)`, [agencyId, clientId])
    await owner.rawQuery(`insert into client_tags (agency_id, client_id, tag_id) values (?, ?, ?)`, [agencyId, clientId, tagId])
    const dealId = await id(
      `insert into deals (agency_id, client_id, stage_id, title, value_cents, currency, probability) values (?, ?, ?, 'Deal', 1000, 'EUR', 10)`,
      [agencyId, clientId, stage.id]
    )
    const activityId = await id(`insert into client_activities (agency_id, client_id, deal_id, kind, body) values (?, ?, ?, 'note', 'Called')`, [agencyId, clientId, dealId])
    const projectId = await id(`insert into projects (agency_id, client_id, source_deal_id, name, currency) values (?, ?, ?, ?, 'EUR')`, [agencyId, clientId, dealId, `${name} project`])
    rows.push({ clientId, contactId, dealId, activityId, projectId })
  }
  await owner.rawQuery(`insert into project_members (agency_id, project_id, user_id, role) values (?, ?, ?, 'member')`, [agencyId, rows[0].projectId, memberId])
  return { tagId, stageId: stage.id as string, assigned: rows[0], other: rows[1] }
}

async function crmAgency(name: string) {
  const agency = await createAgency(name)
  const manager = await createUser(agency.agencyId, 'manager')
  const member = await createUser(agency.agencyId, 'member')
  const rows = await seedCrm(agency.agencyId, member.userId)
  return { ...agency, manager, member, ...rows }
}

async function counts(trx: any) {
  const result: Record<string, number> = {}
  for (const table of CRM_TABLES) result[table] = (await trx.rawQuery(`select count(*)::int as n from ${table}`)).rows[0].n
  return result
}

const ALL_OF_ONE_AGENCY = {
  tags: 1,
  clients: 2,
  contacts: 2,
  client_tags: 2,
  deal_stages: 5,
  deals: 2,
  client_activities: 2,
  projects: 2,
  project_members: 1,
}

test.group('CRM and projects tables under RLS', () => {
  test('with agency A context, SQL reads none of agency B\u2019s CRM rows', async ({ assert }) => {
    const a = await crmAgency('A')
    const b = await crmAgency('B')
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      for (const table of CRM_TABLES) {
        const rows = await trx.rawQuery(`select count(*)::int as n from ${table} where agency_id = ?`, [b.agencyId])
        assert.equal(rows.rows[0].n, 0, `${table} leaks agency B rows`)
        const foreign = await trx.rawQuery(`select count(*)::int as n from ${table} where agency_id <> ?`, [a.agencyId])
        assert.equal(foreign.rows[0].n, 0, `${table} shows another agency's rows`)
      }
      assert.deepEqual(await counts(trx), ALL_OF_ONE_AGENCY)
      const byId = await trx.rawQuery(`select count(*)::int as n from clients where id = any(?)`, [[b.assigned.clientId, b.other.clientId]])
      assert.equal(byId.rows[0].n, 0)
    })
  })

  test('with agency A context, SQL cannot insert or update rows of agency B', async ({ assert }) => {
    const a = await crmAgency('A')
    const b = await crmAgency('B')
    const asA = { agencyId: a.agencyId, userId: a.userId, role: 'owner' }
    const inserts: [string, string[]][] = [
      [`insert into tags (agency_id, name) values (?, 'Intruder')`, [b.agencyId]],
      [`insert into clients (agency_id, company_name) values (?, 'Intruder')`, [b.agencyId]],
      [`insert into contacts (agency_id, client_id, name) values (?, ?, 'Intruder')`, [b.agencyId, b.assigned.clientId]],
      [`insert into client_tags (agency_id, client_id, tag_id) values (?, ?, ?)`, [b.agencyId, b.other.clientId, b.tagId]],
      [`insert into deal_stages (agency_id, name, kind, position, default_probability) values (?, 'Intruder', 'open', 9, 5)`, [b.agencyId]],
      [
        `insert into deals (agency_id, client_id, stage_id, title, value_cents, currency, probability) values (?, ?, ?, 'Intruder', 1, 'EUR', 5)`,
        [b.agencyId, b.assigned.clientId, b.stageId],
      ],
      [`insert into client_activities (agency_id, client_id, kind, body) values (?, ?, 'note', 'Intruder')`, [b.agencyId, b.assigned.clientId]],
      [`insert into projects (agency_id, client_id, name, currency) values (?, ?, 'Intruder', 'EUR')`, [b.agencyId, b.assigned.clientId]],
      [`insert into project_members (agency_id, project_id, user_id) values (?, ?, ?)`, [b.agencyId, b.other.projectId, b.member.userId]],
    ]
    for (const [sql, bindings] of inserts) {
      assert.match(await refusal(asA, sql, bindings), /row-level security/, sql)
    }

    const updates = [
      `update tags set name = 'Hijacked' where agency_id = ?`,
      `update clients set company_name = 'Hijacked' where agency_id = ?`,
      `update contacts set name = 'Hijacked' where agency_id = ?`,
      `delete from client_tags where agency_id = ?`,
      `update deal_stages set name = name || '!' where agency_id = ?`,
      `update deals set title = 'Hijacked' where agency_id = ?`,
      `update client_activities set body = 'Hijacked' where agency_id = ?`,
      `update projects set name = 'Hijacked' where agency_id = ?`,
      `update project_members set role = 'manager' where agency_id = ?`,
    ]
    for (const sql of updates) {
      const result = await runAs(asA, sql, [b.agencyId])
      assert.equal(result.rowCount, 0, sql)
    }

    // Nor move an own row into B, nor point an own row at B's client.
    assert.match(await refusal(asA, `update clients set agency_id = ? where id = ?`, [b.agencyId, a.other.clientId]), /row-level security/)
    assert.match(
      await refusal(asA, `insert into contacts (agency_id, client_id, name) values (?, ?, 'Stray')`, [a.agencyId, b.assigned.clientId]),
      /foreign key/
    )

    const untouched = await db.connection('owner').from('clients').where('agency_id', b.agencyId).orderBy('company_name').select('company_name')
    assert.deepEqual(untouched.map((row) => row.company_name), ['Assigned Co', 'Other Co'])
    const bCounts = await asRuntimeRole({ agencyId: b.agencyId, userId: b.userId, role: 'owner' }, counts)
    assert.deepEqual(bCounts, ALL_OF_ONE_AGENCY)
  })

  test('without a context, the CRM tables return no rows', async ({ assert }) => {
    await crmAgency('Any')
    for (const context of [null, { agencyId: '', userId: '', role: '' }]) {
      await asRuntimeRole(context, async (trx) => {
        for (const [table, n] of Object.entries(await counts(trx))) assert.equal(n, 0, `${table} visible without a tenant context`)
      })
    }
  })

  test('a member reads only the clients of their projects (with contacts, tag links and timeline), no deals, no stages', async ({ assert }) => {
    const a = await crmAgency('A')
    const asMember = { agencyId: a.agencyId, userId: a.member.userId, role: 'member' }
    await asRuntimeRole(asMember, async (trx) => {
      assert.deepEqual(await counts(trx), {
        tags: 1,
        clients: 1,
        contacts: 1,
        client_tags: 1,
        deal_stages: 0,
        deals: 0,
        client_activities: 1,
        projects: 1,
        project_members: 1,
      })
      const ids = async (sql: string) => (await trx.rawQuery(sql)).rows.map((row: any) => row.id)
      assert.deepEqual(await ids('select id from clients'), [a.assigned.clientId])
      assert.deepEqual(await ids('select id from contacts'), [a.assigned.contactId])
      assert.deepEqual(await ids('select client_id as id from client_tags'), [a.assigned.clientId])
      assert.deepEqual(await ids('select id from client_activities'), [a.assigned.activityId])
      assert.deepEqual(await ids('select id from projects'), [a.assigned.projectId])
    })

    // A member assigned to nothing sees no client at all.
    const loner = await createUser(a.agencyId, 'member')
    await asRuntimeRole({ agencyId: a.agencyId, userId: loner.userId, role: 'member' }, async (trx) => {
      const seen = await counts(trx)
      assert.deepInclude(seen, { clients: 0, contacts: 0, client_tags: 0, client_activities: 0, projects: 0, project_members: 0, deals: 0 })
    })
  })

  test('a member cannot write clients, contacts, tags, timeline or deals', async ({ assert }) => {
    const a = await crmAgency('A')
    const asMember = { agencyId: a.agencyId, userId: a.member.userId, role: 'member' }
    const inserts: [string, string[]][] = [
      [`insert into clients (agency_id, company_name) values (?, 'Mine now')`, [a.agencyId]],
      [`insert into contacts (agency_id, client_id, name) values (?, ?, 'Mine now')`, [a.agencyId, a.assigned.clientId]],
      [`insert into tags (agency_id, name) values (?, 'Mine now')`, [a.agencyId]],
      [`insert into client_activities (agency_id, client_id, kind, body) values (?, ?, 'note', 'Mine now')`, [a.agencyId, a.assigned.clientId]],
      [
        `insert into deals (agency_id, client_id, stage_id, title, value_cents, currency, probability) values (?, ?, ?, 'Mine now', 1, 'EUR', 5)`,
        [a.agencyId, a.assigned.clientId, a.stageId],
      ],
    ]
    for (const [sql, bindings] of inserts) {
      assert.match(await refusal(asMember, sql, bindings), /row-level security/, sql)
    }
    const updates: [string, string[]][] = [
      [`update clients set company_name = 'Renamed' where id = ?`, [a.assigned.clientId]],
      [`update contacts set name = 'Renamed' where id = ?`, [a.assigned.contactId]],
      [`update client_activities set body = 'Renamed' where id = ?`, [a.assigned.activityId]],
      [`update deals set title = 'Renamed' where id = ?`, [a.assigned.dealId]],
      [`update projects set name = 'Renamed' where id = ?`, [a.assigned.projectId]],
      [`delete from client_tags where client_id = ?`, [a.assigned.clientId]],
      [`delete from clients where id = ?`, [a.assigned.clientId]],
    ]
    for (const [sql, bindings] of updates) {
      assert.equal((await runAs(asMember, sql, bindings)).rowCount, 0, sql)
    }
    const client = await db.connection('owner').from('clients').where('id', a.assigned.clientId).first()
    assert.equal(client.company_name, 'Assigned Co')
  })

  test('a manager reads and writes all of the agency\u2019s CRM', async ({ assert }) => {
    const a = await crmAgency('A')
    const asManager = { agencyId: a.agencyId, userId: a.manager.userId, role: 'manager' }
    await asRuntimeRole(asManager, async (trx) => {
      // Projects are the exception: managers see only the projects they manage (0007_project_workspace).
      assert.deepEqual(await counts(trx), { ...ALL_OF_ONE_AGENCY, projects: 0, project_members: 0 })
      await trx.rawQuery(`insert into clients (agency_id, company_name) values (?, 'Managed Co')`, [a.agencyId])
      const renamed = await trx.rawQuery(`update deals set title = 'Renamed' where agency_id = ?`, [a.agencyId])
      assert.equal(renamed.rowCount, 2)
      const moved = await trx.rawQuery(`update deal_stages set default_probability = 20 where agency_id = ? and kind = 'open'`, [a.agencyId])
      assert.equal(moved.rowCount, 3)
    })
  })

  test('catalog: every CRM and projects table forces RLS and grants the runtime role policies only', async ({ assert }) => {
    const owner = db.connection('owner')
    const tables = await owner.rawQuery(
      `select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) as owner,
              (select count(*)::int from pg_policies p where p.tablename = c.relname and ? = any(p.roles)) as runtime_policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' and c.relname = any(?)`,
      [appRole, CRM_TABLES]
    )
    assert.sameMembers(tables.rows.map((row: any) => row.relname), CRM_TABLES)
    for (const row of tables.rows) {
      assert.isTrue(row.relrowsecurity, `${row.relname} has RLS disabled`)
      assert.isTrue(row.relforcerowsecurity, `${row.relname} does not force RLS`)
      assert.notEqual(row.owner, appRole, `${row.relname} is owned by the runtime role`)
      assert.isAbove(row.runtime_policies, 0, `${row.relname} has no policy for the runtime role`)
    }
  })
})
