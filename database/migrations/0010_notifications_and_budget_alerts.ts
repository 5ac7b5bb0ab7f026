import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable, runtimeRole } from '#database/rls'

const OWN_ROW = `agency_id = ${CURRENT_AGENCY} and user_id = ${CURRENT_USER_ID}`
const RUNS_PROJECTS = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`

/**
 * In-app notifications (core: the header's bell) and the budget alerts
 * projects has fired — one row per project and threshold, so an alert is
 * sent once however often (or concurrently) the check runs.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table notifications (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        user_id uuid not null,
        kind text not null check (length(kind) between 1 and 60),
        title text not null check (length(title) between 1 and 200),
        body text check (length(body) <= 2000),
        href text check (length(href) <= 500),
        read_at timestamptz,
        created_at timestamptz not null default now(),
        foreign key (agency_id, user_id) references users (agency_id, id) on delete cascade
      )`)
    this.schema.raw('create index notifications_user_recent_idx on notifications (agency_id, user_id, created_at desc)')
    this.schema.raw('create index notifications_user_unread_idx on notifications (agency_id, user_id) where read_at is null')
    // A user only marks their notifications read: no other column may change, nothing is deleted.
    for (const sql of protectTable('notifications', 'select, insert, update (read_at)')) this.schema.raw(sql)
    this.schema.raw(policy('notifications', 'own_read', 'select', { using: OWN_ROW }))
    this.schema.raw(policy('notifications', 'own_update', 'update', { using: OWN_ROW, check: OWN_ROW }))
    // Server code (jobs) notifies anyone of its agency.
    this.schema.raw(
      policy('notifications', 'system_insert', 'insert', { check: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'system'` })
    )

    this.schema.raw(`
      create table project_budget_alerts (
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        threshold smallint not null check (threshold in (75, 90, 100)),
        burn_percent integer not null check (burn_percent >= 0),
        fired_at timestamptz not null default now(),
        primary key (project_id, threshold),
        foreign key (agency_id, project_id) references projects (agency_id, id) on delete cascade
      )`)
    // Append-only: a fired alert is history.
    for (const sql of protectTable('project_budget_alerts', 'select, insert')) this.schema.raw(sql)
    this.schema.raw(policy('project_budget_alerts', 'manage', 'all', { using: RUNS_PROJECTS, check: RUNS_PROJECTS }))

    // The periodic sweep's only cross-tenant read: which active projects with a budget exist
    // (ids only); each is then checked inside its own agency's context.
    this.schema.raw(`
      create function projects_budget_sweep_targets() returns table (agency_id uuid, project_id uuid)
        language sql stable security definer set search_path = public, pg_temp
        as $$
          select p.agency_id, p.id from projects p
          where p.status = 'active' and (coalesce(p.budget_cents, 0) > 0 or coalesce(p.budget_seconds, 0) > 0)
        $$`)
    this.schema.raw('revoke all on function projects_budget_sweep_targets() from public')
    this.schema.raw(`grant execute on function projects_budget_sweep_targets() to ${runtimeRole}`)
  }

  async down() {
    this.schema.raw('drop function if exists projects_budget_sweep_targets()')
    this.schema.raw('drop table if exists project_budget_alerts, notifications')
  }
}
