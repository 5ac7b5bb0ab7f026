import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, policy, protectTable, runtimeRole } from '#database/rls'

const CLIENT = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'client'`
const STAFF = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'member', 'system')`
const RUNS_CLIENTS = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`
const NOT_CLIENT = `coalesce(${CURRENT_ROLE}, '') <> 'client'`
const STAFF_WIDE_READS: Array<[string, string]> = [
  ['users', 'read'],
  ['tags', 'read'],
  ['project_templates', 'read'],
  ['template_tasks', 'read'],
  ['template_milestones', 'read'],
  ['template_dependencies', 'read'],
]
const INVOICE_CHILDREN = ['invoice_projects', 'invoice_lines', 'payments', 'credit_notes', 'invoice_activities']
const INVOICE_VISIBLE_TO_STAFF = (table: string) =>
  `agency_id = ${CURRENT_AGENCY} and ${NOT_CLIENT} and exists (select 1 from invoices i where i.id = ${table}.invoice_id)`
/** A project of the signed-in contact's company. */
const CLIENT_PROJECT = (column: string) =>
  `${CLIENT} and exists (select 1 from projects p where p.id = ${column} and p.client_id = app_current_client_id())`

/**
 * The client portal: client contacts sign in by magic link into sessions of
 * their own (role `client`, with `app.client_id` / `app.contact_id` set), and
 * read only their company's projects, tasks flagged visible, milestones,
 * deliverables and sent invoices. Deliverables and feedback live here too.
 * Every portal sign-in, view, download and decision is logged.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create or replace function app_current_client_id() returns uuid
        language sql stable parallel safe
        as $$ select nullif(current_setting('app.client_id', true), '')::uuid $$`)
    this.schema.raw(`
      create or replace function app_current_contact_id() returns uuid
        language sql stable parallel safe
        as $$ select nullif(current_setting('app.contact_id', true), '')::uuid $$`)

    this.schema.raw(`
      create table portal_magic_links (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        contact_id uuid not null,
        token_hash char(64) not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now(),
        foreign key (agency_id, contact_id) references contacts (agency_id, id) on delete cascade
      )`)
    // Written and read only through the owner-rights functions below.
    for (const sql of protectTable('portal_magic_links', 'select')) this.schema.raw(sql)

    this.schema.raw(`
      create table portal_sessions (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        contact_id uuid not null,
        client_id uuid not null,
        token_hash char(64) not null unique,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        ended_at timestamptz,
        foreign key (agency_id, contact_id) references contacts (agency_id, id) on delete cascade,
        foreign key (agency_id, client_id) references clients (agency_id, id)
      )`)
    this.schema.raw('create index portal_sessions_contact_idx on portal_sessions (agency_id, contact_id)')
    for (const sql of protectTable('portal_sessions', 'select, update (last_seen_at, ended_at)')) this.schema.raw(sql)
    this.schema.raw(policy('portal_sessions', 'own', 'all', { using: `${CLIENT} and contact_id = app_current_contact_id()` }))
    this.schema.raw(policy('portal_sessions', 'staff', 'all', { using: RUNS_CLIENTS }))

    this.schema.raw(`
      create table portal_access_logs (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        client_id uuid not null,
        contact_id uuid,
        action text not null check (length(action) between 1 and 40),
        subject_type text check (length(subject_type) <= 40),
        subject_id uuid,
        detail text check (length(detail) <= 500),
        ip text check (length(ip) <= 64),
        created_at timestamptz not null default now(),
        foreign key (agency_id, client_id) references clients (agency_id, id)
      )`)
    this.schema.raw('create index portal_access_logs_client_idx on portal_access_logs (agency_id, client_id, created_at desc)')
    // Append-only: contacts write their own entries; staff who run the client read them.
    for (const sql of protectTable('portal_access_logs', 'select, insert')) this.schema.raw(sql)
    this.schema.raw(
      policy('portal_access_logs', 'client_insert', 'insert', {
        check: `${CLIENT} and client_id = app_current_client_id() and contact_id = app_current_contact_id()`,
      })
    )
    this.schema.raw(policy('portal_access_logs', 'staff', 'all', { using: RUNS_CLIENTS, check: RUNS_CLIENTS }))

    this.schema.raw(`
      create table deliverables (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        title text not null check (length(title) between 1 and 200),
        description text check (length(description) <= 5000),
        file_path text not null,
        file_name text not null check (length(file_name) between 1 and 255),
        content_type text not null check (length(content_type) <= 120),
        size_bytes integer not null check (size_bytes between 1 and 52428800),
        requires_approval boolean not null default false,
        status text not null default 'shared' check (status in ('shared', 'pending', 'approved', 'revision_requested')),
        decided_at timestamptz,
        decided_by_contact_id uuid,
        decision_comment text check (length(decision_comment) <= 5000),
        revision_task_id uuid,
        uploaded_by_user_id uuid default app_current_user_id(),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, project_id) references projects (agency_id, id) on delete cascade,
        foreign key (agency_id, uploaded_by_user_id) references users (agency_id, id)
      )`)
    this.schema.raw('create index deliverables_project_idx on deliverables (agency_id, project_id, created_at desc)')
    for (const sql of protectTable('deliverables')) this.schema.raw(sql)
    this.schema.raw(
      policy('deliverables', 'staff_read', 'select', { using: `${STAFF} and exists (select 1 from projects p where p.id = deliverables.project_id)` })
    )
    this.schema.raw(
      policy('deliverables', 'manage', 'all', {
        using: `agency_id = ${CURRENT_AGENCY} and projects_manages(deliverables.project_id)`,
        check: `agency_id = ${CURRENT_AGENCY} and projects_manages(deliverables.project_id)`,
      })
    )
    this.schema.raw(policy('deliverables', 'client_read', 'select', { using: CLIENT_PROJECT('deliverables.project_id') }))
    this.schema.raw(
      policy('deliverables', 'client_decide', 'update', {
        using: `${CLIENT_PROJECT('deliverables.project_id')} and status = 'pending'`,
        check: CLIENT_PROJECT('deliverables.project_id'),
      })
    )

    this.schema.raw(`
      create table portal_feedback (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        client_id uuid not null,
        contact_id uuid not null,
        deliverable_id uuid,
        body text not null check (length(body) between 1 and 5000),
        task_id uuid,
        created_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, project_id) references projects (agency_id, id) on delete cascade,
        foreign key (agency_id, client_id) references clients (agency_id, id),
        foreign key (agency_id, contact_id) references contacts (agency_id, id),
        foreign key (agency_id, deliverable_id) references deliverables (agency_id, id),
        foreign key (agency_id, task_id) references tasks (agency_id, id) on delete set null (task_id)
      )`)
    this.schema.raw('create index portal_feedback_project_idx on portal_feedback (agency_id, project_id, created_at desc)')
    for (const sql of protectTable('portal_feedback', 'select, insert, update (task_id)')) this.schema.raw(sql)
    this.schema.raw(
      policy('portal_feedback', 'client', 'all', {
        using: `${CLIENT} and client_id = app_current_client_id()`,
        check: `${CLIENT_PROJECT('portal_feedback.project_id')} and client_id = app_current_client_id() and contact_id = app_current_contact_id()`,
      })
    )
    this.schema.raw(
      policy('portal_feedback', 'staff', 'select', { using: `${STAFF} and exists (select 1 from projects p where p.id = portal_feedback.project_id)` })
    )
    this.schema.raw(policy('portal_feedback', 'system', 'update', { using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'system'` }))

    this.clientReadPolicies()
    this.lookups()
  }

  /** What a contact reads of other modules' tables: their company, its projects and what is meant for them. */
  private clientReadPolicies() {
    // The team's read rules say "any row of a project you can see"; a contact now sees their
    // company's projects, so those rules are narrowed to staff — else a contact would read every
    // task, comment and checklist of them.
    for (const table of ['milestones', 'tasks', 'task_dependencies', 'task_comments', 'checklist_items']) {
      this.schema.raw(`drop policy ${table}_read on ${table}`)
      this.schema.raw(policy(table, 'read', 'select', { using: `${STAFF} and exists (select 1 from projects p where p.id = ${table}.project_id)` }))
    }
    // Agency-wide reads (the team, tags, templates) were written before contacts had a role: staff only.
    for (const [table, name] of STAFF_WIDE_READS) {
      this.schema.raw(`drop policy ${table}_${name} on ${table}`)
      this.schema.raw(policy(table, name, 'select', { using: `agency_id = ${CURRENT_AGENCY} and ${NOT_CLIENT}` }))
    }
    // An invoice's children follow the invoice for staff who bill; a contact only reads them (below).
    for (const table of INVOICE_CHILDREN) {
      this.schema.raw(`drop policy ${table}_billing on ${table}`)
      const billing = `${INVOICE_VISIBLE_TO_STAFF(table)}`
      this.schema.raw(policy(table, 'billing', 'all', { using: billing, check: billing }))
    }
    this.schema.raw(policy('clients', 'portal', 'select', { using: `${CLIENT} and id = app_current_client_id()` }))
    this.schema.raw(policy('projects', 'portal', 'select', { using: `${CLIENT} and client_id = app_current_client_id()` }))
    this.schema.raw(policy('milestones', 'portal', 'select', { using: CLIENT_PROJECT('milestones.project_id') }))
    this.schema.raw(policy('tasks', 'portal', 'select', { using: `${CLIENT_PROJECT('tasks.project_id')} and visible_to_client` }))
    const sentInvoice = `${CLIENT} and client_id = app_current_client_id() and sent_at is not null`
    this.schema.raw(policy('invoices', 'portal', 'select', { using: sentInvoice }))
    const ofSentInvoice = (column: string) => `${CLIENT} and exists (select 1 from invoices i where i.id = ${column})`
    for (const table of ['invoice_lines', 'payments', 'credit_notes']) {
      this.schema.raw(policy(table, 'portal', 'select', { using: ofSentInvoice(`${table}.invoice_id`) }))
    }
  }

  /** The only reads before a contact is signed in, each as narrow as the step needs. */
  private lookups() {
    // Which portal-enabled contacts have this email (one per agency at most is typical).
    this.schema.raw(`
      create function portal_lookup_contacts(p_email text) returns table (agency_id uuid, contact_id uuid, client_id uuid)
        language sql stable security definer set search_path = public, pg_temp as $$
          select c.agency_id, c.id, c.client_id from contacts c
          join clients cl on cl.id = c.client_id and cl.archived_at is null
          where lower(c.email) = lower(p_email) and c.portal_access
        $$`)
    this.schema.raw(`
      create function portal_issue_magic_link(p_agency_id uuid, p_contact_id uuid, p_token_hash text, p_ttl_seconds integer)
        returns void language sql volatile security definer set search_path = public, pg_temp as $$
          insert into portal_magic_links (agency_id, contact_id, token_hash, expires_at)
          values (p_agency_id, p_contact_id, p_token_hash, now() + make_interval(secs => p_ttl_seconds))
        $$`)
    // Single use, atomically: the first request that presents the token gets it.
    this.schema.raw(`
      create function portal_consume_magic_link(p_token_hash text) returns table (agency_id uuid, contact_id uuid, client_id uuid)
        language sql volatile security definer set search_path = public, pg_temp as $$
          update portal_magic_links l set used_at = now()
          from contacts c
          where l.token_hash = p_token_hash and l.used_at is null and l.expires_at > now()
            and c.id = l.contact_id and c.portal_access
          returning l.agency_id, l.contact_id, c.client_id
        $$`)
    // A live session: not ended, seen within the idle limit, its contact still allowed in.
    this.schema.raw(`
      create function portal_lookup_session(p_token_hash text, p_idle_seconds integer)
        returns table (session_id uuid, agency_id uuid, contact_id uuid, client_id uuid, last_seen_at timestamptz)
        language sql stable security definer set search_path = public, pg_temp as $$
          select s.id, s.agency_id, s.contact_id, s.client_id, s.last_seen_at from portal_sessions s
          join contacts c on c.id = s.contact_id and c.portal_access
          where s.token_hash = p_token_hash and s.ended_at is null
            and s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
        $$`)
    this.schema.raw(`
      create function portal_start_session(p_agency_id uuid, p_contact_id uuid, p_client_id uuid, p_token_hash text)
        returns uuid language sql volatile security definer set search_path = public, pg_temp as $$
          insert into portal_sessions (agency_id, contact_id, client_id, token_hash)
          values (p_agency_id, p_contact_id, p_client_id, p_token_hash) returning id
        $$`)
    for (const fn of [
      'portal_lookup_contacts(text)',
      'portal_issue_magic_link(uuid, uuid, text, integer)',
      'portal_consume_magic_link(text)',
      'portal_lookup_session(text, integer)',
      'portal_start_session(uuid, uuid, uuid, text)',
    ]) {
      this.schema.raw(`revoke all on function ${fn} from public`)
      this.schema.raw(`grant execute on function ${fn} to ${runtimeRole}`)
    }
  }

  async down() {
    for (const fn of [
      'portal_start_session(uuid, uuid, uuid, text)',
      'portal_lookup_session(text, integer)',
      'portal_consume_magic_link(text)',
      'portal_issue_magic_link(uuid, uuid, text, integer)',
      'portal_lookup_contacts(text)',
    ]) {
      this.schema.raw(`drop function if exists ${fn}`)
    }
    for (const [table, name] of [
      ['credit_notes', 'portal'],
      ['payments', 'portal'],
      ['invoice_lines', 'portal'],
      ['invoices', 'portal'],
      ['tasks', 'portal'],
      ['milestones', 'portal'],
      ['projects', 'portal'],
      ['clients', 'portal'],
    ]) {
      this.schema.raw(`drop policy if exists ${table}_${name} on ${table}`)
    }
    for (const table of ['milestones', 'tasks', 'task_dependencies', 'task_comments', 'checklist_items']) {
      this.schema.raw(`drop policy ${table}_read on ${table}`)
      this.schema.raw(policy(table, 'read', 'select', { using: `agency_id = ${CURRENT_AGENCY} and exists (select 1 from projects p where p.id = ${table}.project_id)` }))
    }
    for (const [table, name] of STAFF_WIDE_READS) {
      this.schema.raw(`drop policy ${table}_${name} on ${table}`)
      this.schema.raw(policy(table, name, 'select', { using: `agency_id = ${CURRENT_AGENCY}` }))
    }
    for (const table of INVOICE_CHILDREN) {
      this.schema.raw(`drop policy ${table}_billing on ${table}`)
      const billing = `agency_id = ${CURRENT_AGENCY} and exists (select 1 from invoices i where i.id = ${table}.invoice_id)`
      this.schema.raw(policy(table, 'billing', 'all', { using: billing, check: billing }))
    }
    this.schema.raw('drop table if exists portal_feedback, deliverables, portal_access_logs, portal_sessions, portal_magic_links cascade')
    this.schema.raw('drop function if exists app_current_contact_id(), app_current_client_id()')
  }
}
