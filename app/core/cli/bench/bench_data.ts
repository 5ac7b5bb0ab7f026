import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import User from '#core/models/user'
import { tenancy, withTenant } from '#core/tenancy/tenant_context'

const MARK = 'Bench agency '

export const BENCH_PASSWORD = 'bench-password-123'

/** Agencies and users generated in SQL (as the owner role), and API tokens for a sample of owners. */
export async function seedBenchData(options: { agencies: number; usersPerAgency: number; tokens: number }) {
  await removeBenchData()
  const owner = db.connection('owner')
  const password = await hash.make(BENCH_PASSWORD)
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
  for (const row of owners) tokens.push({ agencyId: row.agency_id, value: await ownerToken(row.agency_id, row.id) })
  return tokens
}

/** An API token for an agency's owner, made the way the app makes them. */
export async function ownerToken(agencyId: string, userId: string) {
  return withTenant(agencyId, async () => {
    const user = await User.findOrFail(userId)
    await tenancy.enter({ agencyId, userId, role: 'owner' })
    const token = await User.accessTokens.create(user, ['*'], { name: 'bench' })
    return token.value!.release()
  })
}

export function removeBenchData() {
  return removeAgencies(`${MARK}%`)
}

/**
 * Deletes generated agencies with every row they own, children before
 * parents: the order comes from the catalog's foreign keys, so tables that
 * later modules add are removed too.
 */
export async function removeAgencies(namePattern: string) {
  const owner = db.connection('owner')
  const agencies = await owner.from('agencies').where('name', 'like', namePattern).select('id')
  if (!agencies.length) return
  const ids = agencies.map((agency) => agency.id as string)
  const { rows: tables } = await owner.rawQuery(`
    select c.relname as name,
           array(select distinct p.relname from pg_constraint f join pg_class p on p.oid = f.confrelid
                 where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as parents
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'agency_id' and not a.attisdropped)`)
  const remaining = new Map<string, string[]>(tables.map((table: { name: string; parents: string[] }) => [table.name, table.parents]))
  while (remaining.size) {
    // A table goes once no other remaining table points at it.
    const leaves = [...remaining.keys()].filter((name) => ![...remaining].some(([other, parents]) => other !== name && parents.includes(name)))
    if (!leaves.length) throw new Error(`cannot order the deletion of: ${[...remaining.keys()].join(', ')}`)
    for (const table of leaves) {
      await owner.from(table).whereIn('agency_id', ids).delete()
      remaining.delete(table)
    }
  }
  await owner.from('agencies').whereIn('id', ids).delete()
}
