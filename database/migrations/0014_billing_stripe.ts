import { BaseSchema } from '@adonisjs/lucid/schema'
import { runtimeRole } from '#database/rls'

/**
 * Stripe webhooks and reconciliation.
 *
 * - `stripe_events.invoice_id`: the invoice the event's metadata named when it
 *   was received (verified to be the agency's), so the queued effect and the
 *   reconciliation need not ask Stripe again which invoice it is about.
 * - `billing_stripe_reconcile_targets(days)`: the daily reconciliation's only
 *   cross-tenant read — (agency, invoice) pairs, ids only, for invoices with a
 *   Checkout session that are still awaiting or settling money or changed in
 *   the last `days` days, with Stripe ledger rows written in that window, or
 *   with a stored event still unprocessed. Each is then repaired inside its
 *   own agency's context.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('alter table stripe_events add column invoice_id uuid')
    this.schema.raw('alter table stripe_events add foreign key (agency_id, invoice_id) references invoices (agency_id, id)')
    this.schema.raw('create index stripe_events_invoice_idx on stripe_events (agency_id, invoice_id, received_at)')
    this.schema.raw('create index stripe_events_unprocessed_idx on stripe_events (received_at) where processed_at is null')
    this.schema.raw('create index invoices_checkout_idx on invoices (updated_at) where stripe_checkout_session_id is not null')
    this.schema.raw('create index payments_stripe_recent_idx on payments (updated_at) where stripe_object_id is not null')

    this.schema.raw(`
      create function billing_stripe_reconcile_targets(p_days integer)
        returns table (agency_id uuid, invoice_id uuid)
        language sql stable security definer set search_path = public, pg_temp
        as $$
          select i.agency_id, i.id from invoices i
          where i.stripe_checkout_session_id is not null
            and (i.status in ('sent', 'overdue', 'partially_paid', 'disputed')
                 or i.updated_at >= now() - make_interval(days => p_days))
          union
          select p.agency_id, p.invoice_id from payments p
          where p.stripe_object_id is not null and p.updated_at >= now() - make_interval(days => p_days)
          union
          select e.agency_id, e.invoice_id from stripe_events e
          where e.processed_at is null and e.invoice_id is not null
        $$`)
    this.schema.raw('revoke all on function billing_stripe_reconcile_targets(integer) from public')
    this.schema.raw(`grant execute on function billing_stripe_reconcile_targets(integer) to ${runtimeRole}`)
  }

  async down() {
    this.schema.raw('drop function if exists billing_stripe_reconcile_targets(integer)')
    this.schema.raw('drop index if exists payments_stripe_recent_idx')
    this.schema.raw('drop index if exists invoices_checkout_idx')
    this.schema.raw('alter table stripe_events drop column if exists invoice_id')
  }
}
