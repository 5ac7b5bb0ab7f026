/*
| SQL builders for tenant tables, so every migration protects its tables the
| same way: RLS enabled and forced, a permissive policy for the schema owner
| (migrations, SECURITY DEFINER look-ups), and only the policies a migration
| grants for the runtime role.
*/
import { appRole } from '#config/database'

export const runtimeRole = `"${appRole.replaceAll('"', '""')}"`

/** The tenant every policy compares with: fails closed to NULL when unset. */
export const CURRENT_AGENCY = 'app_current_agency_id()'
export const CURRENT_USER_ID = 'app_current_user_id()'
export const CURRENT_ROLE = 'app_current_role()'

export function protectTable(table: string, privileges = 'select, insert, update, delete') {
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy ${table}_schema_owner on ${table} to current_user using (true) with check (true)`,
    `grant ${privileges} on ${table} to ${runtimeRole}`,
  ]
}

export function policy(
  table: string,
  name: string,
  command: 'all' | 'select' | 'insert' | 'update' | 'delete',
  clauses: { using?: string; check?: string }
) {
  const using = clauses.using ? ` using (${clauses.using})` : ''
  const check = clauses.check ? ` with check (${clauses.check})` : ''
  return `create policy ${table}_${name} on ${table} for ${command} to ${runtimeRole}${using}${check}`
}

/** The usual rule: rows of the current agency only, for every command. */
export function tenantPolicy(table: string) {
  return policy(table, 'tenant', 'all', {
    using: `agency_id = ${CURRENT_AGENCY}`,
    check: `agency_id = ${CURRENT_AGENCY}`,
  })
}
