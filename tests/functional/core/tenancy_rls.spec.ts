import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { appRole } from '#config/database'
import { asRuntimeRole } from '#tests/helpers/runtime_role'
import { createAgency } from '#tests/helpers/factories'

const TENANT_TABLES = ['users', 'invitations', 'password_resets', 'auth_access_tokens', 'audit_logs']

test.group('Tenancy enforced by PostgreSQL RLS', () => {
  test('with agency A context, raw SQL reads none of agency B rows', async ({ assert }) => {
    const a = await createAgency('A')
    const b = await createAgency('B')
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      for (const table of TENANT_TABLES) {
        const rows = await trx.rawQuery(`select count(*)::int as n from ${table} where agency_id = ?`, [b.agencyId])
        assert.equal(rows.rows[0].n, 0, `${table} leaks agency B rows`)
      }
      const agencies = await trx.rawQuery('select id from agencies')
      assert.deepEqual(agencies.rows.map((r: any) => r.id), [a.agencyId])
      const users = await trx.rawQuery('select agency_id from users')
      assert.isAbove(users.rows.length, 0)
      assert.isTrue(users.rows.every((r: any) => r.agency_id === a.agencyId))
    })
  })

  test('with agency A context, SQL cannot insert or update rows of agency B', async ({ assert }) => {
    const a = await createAgency('A')
    const b = await createAgency('B')
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      await assert.rejects(
        () =>
          trx.rawQuery(
            `insert into users (id, agency_id, email, name, password, role) values (gen_random_uuid(), ?, 'intruder@example.test', 'x', 'x', 'owner')`,
            [b.agencyId]
          ),
        /row-level security/
      )
    })
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      const updatedUsers = await trx.rawQuery(`update users set name = 'hijacked' where agency_id = ?`, [b.agencyId])
      assert.equal(updatedUsers.rowCount, 0)
      const updatedAgency = await trx.rawQuery(`update agencies set name = 'hijacked' where id = ?`, [b.agencyId])
      assert.equal(updatedAgency.rowCount, 0)
      await assert.rejects(
        () => trx.rawQuery(`update users set agency_id = ? where id = ?`, [b.agencyId, a.userId]),
        /row-level security/
      )
    })
    const owner = await db.connection('owner').from('users').where('id', b.userId).first()
    assert.equal(owner.name, 'Olivia Owner')
  })

  test('without a context, tenant tables return no rows', async ({ assert }) => {
    await createAgency('Any')
    for (const context of [null, { agencyId: '', userId: '', role: '' }]) {
      await asRuntimeRole(context, async (trx) => {
        for (const table of ['agencies', ...TENANT_TABLES]) {
          const rows = await trx.rawQuery(`select count(*)::int as n from ${table}`)
          assert.equal(rows.rows[0].n, 0, `${table} visible without a tenant context`)
        }
      })
    }
  })

  test('role rules: a member reads neither invitations nor the audit log, nor others\u2019 tokens', async ({ assert }) => {
    const a = await createAgency('A')
    const { createUser } = await import('#tests/helpers/factories')
    const member = await createUser(a.agencyId, 'member')
    await asRuntimeRole({ agencyId: a.agencyId, userId: member.userId, role: 'member' }, async (trx) => {
      const audit = await trx.rawQuery('select count(*)::int as n from audit_logs')
      assert.equal(audit.rows[0].n, 0)
      const tokens = await trx.rawQuery('select tokenable_id from auth_access_tokens')
      assert.deepEqual(tokens.rows.map((r: any) => r.tokenable_id), [member.userId])
      const renamed = await trx.rawQuery(`update users set name = 'x' where id = ?`, [a.userId])
      assert.equal(renamed.rowCount, 0)
    })
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      const audit = await trx.rawQuery('select count(*)::int as n from audit_logs')
      assert.isAbove(audit.rows[0].n, 0)
    })
  })

  test('the audit log is append-only for the runtime role', async ({ assert }) => {
    const a = await createAgency('A')
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      await assert.rejects(() => trx.rawQuery(`update audit_logs set action = 'forged'`), /permission denied/)
    })
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      await assert.rejects(() => trx.rawQuery(`delete from audit_logs`), /permission denied/)
    })
  })

  test('catalog: every tenant table forces RLS and the runtime role is powerless', async ({ assert }) => {
    const owner = db.connection('owner')
    const tables = await owner.rawQuery(`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) as owner
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'agency_id' and not a.attisdropped)
             or c.relname = 'agencies')`)
    assert.isAtLeast(tables.rows.length, 6)
    for (const row of tables.rows) {
      assert.isTrue(row.relrowsecurity, `${row.relname} has RLS disabled`)
      assert.isTrue(row.relforcerowsecurity, `${row.relname} does not force RLS`)
      assert.notEqual(row.owner, appRole, `${row.relname} is owned by the runtime role`)
    }
    const role = await owner.rawQuery('select rolsuper, rolbypassrls from pg_roles where rolname = ?', [appRole])
    assert.deepEqual(role.rows[0], { rolsuper: false, rolbypassrls: false })
    const owned = await owner.rawQuery(
      `select count(*)::int as n from pg_class c where pg_get_userbyid(c.relowner) = ? and c.relkind in ('r', 'p', 'v', 'm')`,
      [appRole]
    )
    assert.equal(owned.rows[0].n, 0)
    const me = await db.connection('app').rawQuery('select current_user as name')
    assert.equal(me.rows[0].name, appRole)
  })

  test('many concurrent API requests of two agencies never see each other\u2019s rows', async ({ client, assert }) => {
    const a = await createAgency('A')
    const b = await createAgency('B')
    const requests = Array.from({ length: 60 }, (_, i) => {
      const who = i % 2 === 0 ? a : b
      return client
        .get('/api/users')
        .bearerToken(who.token)
        .then((response) => ({ who, body: response.body() }))
    })
    for (const { who, body } of await Promise.all(requests)) {
      assert.isAbove(body.users.length, 0)
      assert.isTrue(body.users.every((u: any) => u.email === who.email), 'a request saw another agency\u2019s users')
    }
  })
})
