import { BaseSchema } from '@adonisjs/lucid/schema'
import { runtimeRole } from '#database/rls'

/**
 * Deciding a week: a manager sees only the time of the projects they manage,
 * yet whether the whole week is approved depends on everyone's time in it.
 * This owner-rights count answers only that (how many entries of the
 * person's week, in the current agency, still wait: draft or submitted).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create or replace function time_week_open_entries(p_user_id uuid, p_week_start date) returns integer
        language sql stable security definer set search_path = public, pg_temp as $$
          select count(*)::integer from time_entries te
           where te.agency_id = app_current_agency_id() and te.user_id = p_user_id
             and te.entry_date between p_week_start and p_week_start + 6
             and te.status in ('draft', 'submitted')
        $$`)
    this.schema.raw('revoke all on function time_week_open_entries(uuid, date) from public')
    this.schema.raw(`grant execute on function time_week_open_entries(uuid, date) to ${runtimeRole}`)
  }

  async down() {
    this.schema.raw('drop function if exists time_week_open_entries(uuid, date)')
  }
}
