import { BaseSchema } from '@adonisjs/lucid/schema'
import { runtimeRole } from '#database/rls'

/**
 * Revoking a contact's portal access also spends their unused sign-in links,
 * so granting access again later does not revive a link sent before.
 * Owner rights (links are written only through such functions), limited to
 * the caller's agency.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create function portal_spend_links(p_contact_id uuid) returns integer
        language sql volatile security definer set search_path = public, pg_temp as $$
          with spent as (
            update portal_magic_links set used_at = now()
            where contact_id = p_contact_id and used_at is null and agency_id = app_current_agency_id()
            returning 1)
          select count(*)::integer from spent
        $$`)
    this.schema.raw('revoke all on function portal_spend_links(uuid) from public')
    this.schema.raw(`grant execute on function portal_spend_links(uuid) to ${runtimeRole}`)
  }

  async down() {
    this.schema.raw('drop function if exists portal_spend_links(uuid)')
  }
}
