import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable } from '#database/rls'

const OWNER = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`
/** A manager runs the billing of the clients whose projects they manage (their invoices cover those projects). */
const MANAGES_CLIENT = (clientColumn: string) => `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'manager' and exists (
  select 1 from projects p where p.client_id = ${clientColumn} and p.id in (select app_managed_project_ids()))`
const BILLING_OF = (clientColumn: string) => `(${OWNER}) or (${MANAGES_CLIENT(clientColumn)})`
const INVOICE_VISIBLE = (invoiceColumn: string) =>
  `agency_id = ${CURRENT_AGENCY} and exists (select 1 from invoices i where i.id = ${invoiceColumn})`

/**
 * Billing: invoices and their lines, gap-free numbering, the payments ledger
 * (payments, refunds, disputes — the only source of an invoice's paid state),
 * credit notes, expenses, retainer periods, reminders and Stripe events.
 *
 * Who sees what: the owner all; a manager the invoices of clients whose
 * projects they manage; members none (they see their own expenses only).
 * Invoices are never deleted (no DELETE grant): they are voided.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table billing_sequences (
        agency_id uuid not null references agencies (id),
        kind text not null check (kind in ('invoice', 'credit_note')),
        last_number integer not null default 0 check (last_number >= 0),
        primary key (agency_id, kind)
      )`)
    for (const sql of protectTable('billing_sequences', 'select, insert, update')) this.schema.raw(sql)
    // Anyone who may create an invoice advances the sequence; the row is locked in that transaction.
    this.schema.raw(
      policy('billing_sequences', 'billing', 'all', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`,
        check: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`,
      })
    )

    this.schema.raw(`
      create table billing_settings (
        agency_id uuid primary key references agencies (id),
        reminder_offsets integer[] not null default '{-3,0,7,14}',
        payment_instructions text check (length(payment_instructions) <= 4000),
        updated_at timestamptz not null default now()
      )`)
    for (const sql of protectTable('billing_settings', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(policy('billing_settings', 'read', 'select', { using: `agency_id = ${CURRENT_AGENCY}` }))
    this.schema.raw(policy('billing_settings', 'owner', 'all', { using: OWNER, check: OWNER }))

    this.schema.raw(`
      create table invoices (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        client_id uuid not null,
        number text not null check (length(number) between 1 and 40),
        sequence_number integer not null check (sequence_number > 0),
        status text not null default 'draft' check (status in
          ('draft', 'sent', 'partially_paid', 'paid', 'overdue', 'void', 'partially_refunded', 'refunded', 'disputed')),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        issue_date date not null,
        due_date date not null,
        period_from date,
        period_to date,
        group_by text not null default 'member' check (group_by in ('member', 'task', 'day', 'project')),
        subtotal_cents bigint not null default 0,
        tax_rate_basis_points integer not null default 0 check (tax_rate_basis_points between 0 and 10000),
        tax_cents bigint not null default 0,
        total_cents bigint not null default 0,
        amount_paid_cents bigint not null default 0,
        amount_refunded_cents bigint not null default 0,
        notes text check (length(notes) <= 5000),
        terms text check (length(terms) <= 5000),
        sent_at timestamptz,
        voided_at timestamptz,
        void_reason text check (length(void_reason) <= 2000),
        stripe_checkout_session_id text,
        stripe_checkout_url text,
        pdf_path text,
        pdf_rendered_at timestamptz,
        created_by_user_id uuid default app_current_user_id(),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        unique (agency_id, number),
        unique (agency_id, sequence_number),
        check (due_date >= issue_date),
        check (period_from is null or period_to is null or period_from <= period_to),
        check (total_cents = subtotal_cents + tax_cents),
        foreign key (agency_id, client_id) references clients (agency_id, id)
      )`)
    this.schema.raw('create index invoices_status_idx on invoices (agency_id, status, due_date)')
    this.schema.raw('create index invoices_client_idx on invoices (agency_id, client_id, issue_date desc)')
    for (const sql of protectTable('invoices', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(policy('invoices', 'billing', 'all', { using: BILLING_OF('invoices.client_id'), check: BILLING_OF('invoices.client_id') }))

    this.schema.raw(`
      create table invoice_projects (
        agency_id uuid not null references agencies (id),
        invoice_id uuid not null,
        project_id uuid not null,
        primary key (invoice_id, project_id),
        foreign key (agency_id, invoice_id) references invoices (agency_id, id),
        foreign key (agency_id, project_id) references projects (agency_id, id)
      )`)
    this.schema.raw('create index invoice_projects_project_idx on invoice_projects (agency_id, project_id)')
    for (const sql of protectTable('invoice_projects', 'select, insert')) this.schema.raw(sql)
    this.schema.raw(
      policy('invoice_projects', 'billing', 'all', { using: INVOICE_VISIBLE('invoice_projects.invoice_id'), check: INVOICE_VISIBLE('invoice_projects.invoice_id') })
    )

    this.schema.raw(`
      create table invoice_lines (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        invoice_id uuid not null,
        position integer not null default 0,
        kind text not null check (kind in ('time', 'milestone', 'expense', 'retainer', 'overage', 'manual', 'discount')),
        description text not null check (length(description) between 1 and 500),
        project_id uuid,
        -- time lines: seconds × rate per hour; other lines: quantity in thousandths × unit amount
        quantity_seconds integer check (quantity_seconds >= 0),
        quantity_milli integer check (quantity_milli >= 0),
        unit_amount_cents bigint not null,
        amount_cents bigint not null,
        milestone_id uuid,
        expense_id uuid,
        created_at timestamptz not null default now(),
        check ((kind = 'discount') = (amount_cents < 0) or amount_cents = 0),
        foreign key (agency_id, invoice_id) references invoices (agency_id, id),
        foreign key (agency_id, project_id) references projects (agency_id, id),
        foreign key (agency_id, milestone_id) references milestones (agency_id, id)
      )`)
    this.schema.raw('create index invoice_lines_invoice_idx on invoice_lines (agency_id, invoice_id, position)')
    // A milestone is on at most one invoice that is not void: enforced by the action (void keeps history).
    for (const sql of protectTable('invoice_lines')) this.schema.raw(sql)
    this.schema.raw(
      policy('invoice_lines', 'billing', 'all', { using: INVOICE_VISIBLE('invoice_lines.invoice_id'), check: INVOICE_VISIBLE('invoice_lines.invoice_id') })
    )

    this.schema.raw(`
      create table payments (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        invoice_id uuid not null,
        kind text not null check (kind in ('payment', 'refund', 'dispute')),
        -- disputes: open (money held), won (returned), lost (gone for good)
        dispute_status text check (dispute_status in ('open', 'won', 'lost')),
        amount_cents bigint not null check (amount_cents > 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        occurred_at timestamptz not null,
        method text not null check (method in ('stripe', 'bank_transfer', 'card', 'cash', 'check', 'other')),
        reference text check (length(reference) <= 200),
        -- Stripe's own id (payment intent, refund, dispute): one ledger row per Stripe object, updated to its truth
        stripe_object_id text,
        recorded_by_user_id uuid default app_current_user_id(),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        check ((kind = 'dispute') = (dispute_status is not null)),
        foreign key (agency_id, invoice_id) references invoices (agency_id, id)
      )`)
    this.schema.raw('create unique index payments_stripe_object_unique on payments (agency_id, stripe_object_id) where stripe_object_id is not null')
    this.schema.raw('create index payments_invoice_idx on payments (agency_id, invoice_id, occurred_at)')
    for (const sql of protectTable('payments', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(policy('payments', 'billing', 'all', { using: INVOICE_VISIBLE('payments.invoice_id'), check: INVOICE_VISIBLE('payments.invoice_id') }))

    this.schema.raw(`
      create table credit_notes (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        invoice_id uuid not null,
        number text not null,
        sequence_number integer not null check (sequence_number > 0),
        amount_cents bigint not null check (amount_cents > 0),
        currency char(3) not null,
        reason text not null check (length(reason) between 1 and 2000),
        issue_date date not null,
        created_by_user_id uuid default app_current_user_id(),
        created_at timestamptz not null default now(),
        unique (agency_id, number),
        unique (agency_id, sequence_number),
        foreign key (agency_id, invoice_id) references invoices (agency_id, id)
      )`)
    for (const sql of protectTable('credit_notes', 'select, insert')) this.schema.raw(sql)
    this.schema.raw(
      policy('credit_notes', 'billing', 'all', { using: INVOICE_VISIBLE('credit_notes.invoice_id'), check: INVOICE_VISIBLE('credit_notes.invoice_id') })
    )

    this.schema.raw(`
      create table invoice_activities (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        invoice_id uuid not null,
        kind text not null check (length(kind) between 1 and 40),
        detail text check (length(detail) <= 1000),
        -- a reminder, a send: one row per invoice and key, so queued work runs once
        dedupe_key text,
        actor_user_id uuid default app_current_user_id(),
        created_at timestamptz not null default now(),
        foreign key (agency_id, invoice_id) references invoices (agency_id, id)
      )`)
    this.schema.raw('create unique index invoice_activities_dedupe on invoice_activities (invoice_id, dedupe_key) where dedupe_key is not null')
    this.schema.raw('create index invoice_activities_invoice_idx on invoice_activities (agency_id, invoice_id, created_at)')
    for (const sql of protectTable('invoice_activities', 'select, insert')) this.schema.raw(sql)
    this.schema.raw(
      policy('invoice_activities', 'billing', 'all', {
        using: INVOICE_VISIBLE('invoice_activities.invoice_id'),
        check: INVOICE_VISIBLE('invoice_activities.invoice_id'),
      })
    )

    this.schema.raw(`
      create table expenses (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        user_id uuid not null default app_current_user_id(),
        spent_on date not null,
        amount_cents bigint not null check (amount_cents > 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        category text not null check (length(category) between 1 and 60),
        description text not null default '' check (length(description) <= 2000),
        receipt_path text,
        receipt_name text,
        billable boolean not null default true,
        markup_basis_points integer not null default 0 check (markup_basis_points between 0 and 100000),
        status text not null default 'submitted' check (status in ('submitted', 'approved', 'rejected')),
        decided_by_user_id uuid,
        invoice_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, project_id) references projects (agency_id, id),
        foreign key (agency_id, user_id) references users (agency_id, id),
        foreign key (agency_id, invoice_id) references invoices (agency_id, id)
      )`)
    this.schema.raw('create index expenses_project_idx on expenses (agency_id, project_id, spent_on)')
    for (const sql of protectTable('expenses')) this.schema.raw(sql)
    this.schema.raw(policy('expenses', 'owner', 'all', { using: OWNER, check: OWNER }))
    const managesExpenseProject = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'manager' and project_id in (select app_managed_project_ids())`
    this.schema.raw(policy('expenses', 'manager', 'all', { using: managesExpenseProject, check: managesExpenseProject }))
    const ownExpense = `agency_id = ${CURRENT_AGENCY} and user_id = ${CURRENT_USER_ID}`
    this.schema.raw(policy('expenses', 'own_read', 'select', { using: ownExpense }))
    this.schema.raw(
      policy('expenses', 'own_submit', 'insert', { check: `${ownExpense} and status = 'submitted' and project_id in (select app_my_project_ids())` })
    )

    this.schema.raw(`
      create table retainer_periods (
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        period_start date not null,
        period_end date not null,
        invoice_id uuid not null,
        included_seconds integer not null default 0,
        rolled_over_seconds integer not null default 0,
        used_seconds integer not null default 0,
        created_at timestamptz not null default now(),
        primary key (project_id, period_start),
        foreign key (agency_id, project_id) references projects (agency_id, id),
        foreign key (agency_id, invoice_id) references invoices (agency_id, id)
      )`)
    for (const sql of protectTable('retainer_periods', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(
      policy('retainer_periods', 'billing', 'all', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`,
        check: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`,
      })
    )

    // Verified Stripe events, once each: the id is the primary key, stored with its effect's transaction.
    this.schema.raw(`
      create table stripe_events (
        id text primary key check (length(id) between 1 and 255),
        agency_id uuid not null references agencies (id),
        type text not null,
        payload jsonb not null,
        received_at timestamptz not null default now(),
        processed_at timestamptz
      )`)
    for (const sql of protectTable('stripe_events', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(policy('stripe_events', 'system', 'all', { using: OWNER, check: OWNER }))
  }

  async down() {
    this.schema.raw(
      'drop table if exists stripe_events, retainer_periods, expenses, invoice_activities, credit_notes, payments, invoice_lines, invoice_projects, invoices, billing_settings, billing_sequences cascade'
    )
  }
}
