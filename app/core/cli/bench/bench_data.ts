import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import User from '#core/models/user'
import { tenancy, withTenant } from '#core/tenancy/tenant_context'

const MARK = 'Bench agency '

/** Agencies and users generated in SQL (as the owner role), and API tokens for a sample of owners. */
export async function seedBenchData(options: { agencies: number; usersPerAgency: number; tokens: number }) {
  await removeBenchData()
  const owner = db.connection('owner')
  const password = await hash.make('bench-password-123')
  await owner.rawQuery(`insert into agencies (name) select ? || g from generate_series(1, ?) g`, [MARK, options.agencies])
  await owner.rawQuery(
    `insert into users (agency_id, email, name, password, role)
     select a.id, 'bench-' || a.id || '-' || g || '@bench.test', 'Bench user ' || g, ?,
            case when g = 1 then 'owner' when g <= 3 then 'manager' else 'member' end
     from agencies a cross join generate_series(1, ?) g where a.name like ?`,
    [password, options.usersPerAgency, `${MARK}%`]
  )
  const owners = await owner
    .from('users')
    .join('agencies', 'agencies.id', 'users.agency_id')
    .where('agencies.name', 'like', `${MARK}%`)
    .where('users.role', 'owner')
    .select('users.id', 'users.agency_id')
    .limit(options.tokens)
  const tokens: { agencyId: string; value: string }[] = []
  for (const row of owners) {
    await withTenant(row.agency_id, async () => {
      const user = await User.findOrFail(row.id)
      await tenancy.enter({ agencyId: row.agency_id, userId: row.id, role: 'owner' })
      const token = await User.accessTokens.create(user, ['*'], { name: 'bench' })
      tokens.push({ agencyId: row.agency_id, value: token.value!.release() })
    })
  }
  return tokens
}

export async function removeBenchData() {
  const owner = db.connection('owner')
  const agencies = owner.from('agencies').where('name', 'like', `${MARK}%`).select('id')
  await owner.from('auth_access_tokens').whereIn('agency_id', agencies).delete()
  await owner.from('audit_logs').whereIn('agency_id', agencies).delete()
  await owner.from('users').whereIn('agency_id', agencies).delete()
  await owner.from('agencies').where('name', 'like', `${MARK}%`).delete()
}
