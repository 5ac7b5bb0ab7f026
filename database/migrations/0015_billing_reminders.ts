import { BaseSchema } from '@adonisjs/lucid/schema'
import { runtimeRole } from '#database/rls'

/**
 * The daily reminder run's only cross-tenant read: which sent, unpaid
 * invoices exist (ids only, across agencies). Each is then refreshed and
 * reminded inside its own agency's tenant transaction, under RLS.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create function billing_reminder_targets() returns table (agency_id uuid, invoice_id uuid)
        language sql stable security definer set search_path = public, pg_temp
        as $$
          select i.agency_id, i.id from invoices i
          where i.sent_at is not null and i.voided_at is null
            and i.status in ('sent', 'overdue', 'partially_paid')
          order by i.agency_id, i.due_date
        $$`)
    this.schema.raw('revoke all on function billing_reminder_targets() from public')
    this.schema.raw(`grant execute on function billing_reminder_targets() to ${runtimeRole}`)
  }

  async down() {
    this.schema.raw('drop function if exists billing_reminder_targets()')
  }
}
