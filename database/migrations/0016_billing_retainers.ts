import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_USER_ID, policy, runtimeRole } from '#database/rls'

/**
 * Recurring retainer invoices and the expense workflow.
 *
 * - `billing_retainer_targets()`: the daily job's only cross-tenant read —
 *   which active retainer projects exist (ids only); each is then invoiced
 *   inside its own agency's context, under RLS.
 * - Members change or withdraw their own expense while it waits for a
 *   decision (submitted, not invoiced), and delete it while it is submitted
 *   or rejected; only the owner and the project's
 *   managers approve, reject or touch anyone else's (0013's policies).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create function billing_retainer_targets() returns table (agency_id uuid, project_id uuid)
        language sql stable security definer set search_path = public, pg_temp
        as $$
          select p.agency_id, p.id from projects p
          where p.billing_type = 'retainer' and p.status = 'active'
            and p.retainer_amount_cents is not null and p.start_date is not null
          order by p.agency_id, p.id
        $$`)
    this.schema.raw('revoke all on function billing_retainer_targets() from public')
    this.schema.raw(`grant execute on function billing_retainer_targets() to ${runtimeRole}`)

    const ownPending = `agency_id = ${CURRENT_AGENCY} and user_id = ${CURRENT_USER_ID} and status = 'submitted' and invoice_id is null`
    this.schema.raw(
      policy('expenses', 'own_update', 'update', {
        using: ownPending,
        check: `${ownPending} and decided_by_user_id is null and project_id in (select app_my_project_ids())`,
      })
    )
    const ownUndecided = `agency_id = ${CURRENT_AGENCY} and user_id = ${CURRENT_USER_ID} and status in ('submitted', 'rejected') and invoice_id is null`
    this.schema.raw(policy('expenses', 'own_delete', 'delete', { using: ownUndecided }))
  }

  async down() {
    this.schema.raw('drop policy if exists expenses_own_delete on expenses')
    this.schema.raw('drop policy if exists expenses_own_update on expenses')
    this.schema.raw('drop function if exists billing_retainer_targets()')
  }
}
