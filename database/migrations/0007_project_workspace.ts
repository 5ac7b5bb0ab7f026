import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy } from '#database/rls'

const OWNER = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`
const MANAGER = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'manager'`
const STAFF = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('manager', 'member')`
/** A manager who creates a project keeps it: Lucid's INSERT … RETURNING must see the row before its team exists. */
const CREATED_BY_ME = `created_by_user_id = ${CURRENT_USER_ID}`

/**
 * The project record grows billing, schedule and retainer fields, the team
 * gets rates and allocations, and visibility narrows: managers run only the
 * projects they manage (or created), members read the projects they are on.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      alter table projects
        add column billing_type text not null default 'hourly' check (billing_type in ('hourly', 'fixed', 'retainer')),
        add column hourly_rate_cents integer check (hourly_rate_cents >= 0),
        add column budget_seconds integer check (budget_seconds >= 0),
        add column start_date date,
        add column deadline date,
        add column retainer_amount_cents bigint check (retainer_amount_cents >= 0),
        add column retainer_period text check (retainer_period in ('monthly', 'quarterly')),
        add column retainer_included_seconds integer check (retainer_included_seconds >= 0),
        add column retainer_rollover_periods integer not null default 0 check (retainer_rollover_periods >= 0),
        add column overage_rate_cents integer check (overage_rate_cents >= 0),
        add column created_by_user_id uuid default app_current_user_id(),
        add constraint projects_deadline_after_start check (deadline is null or start_date is null or deadline >= start_date)`)
    this.schema.raw(`
      alter table project_members
        add column billable_rate_cents integer check (billable_rate_cents >= 0),
        add column cost_rate_cents integer check (cost_rate_cents >= 0),
        add column weekly_allocated_seconds integer check (weekly_allocated_seconds between 0 and 604800)`)
    this.schema.raw(`
      alter table agencies
        add column default_hourly_rate_cents integer check (default_hourly_rate_cents >= 0),
        add column default_cost_rate_cents integer check (default_cost_rate_cents >= 0)`)

    // Owner rights, so policies on projects and project_members can ask "which projects am I on?"
    // without a policy reading its own table (infinite recursion).
    this.schema.raw(`
      create or replace function app_my_project_ids() returns setof uuid
        language sql stable security definer set search_path = public, pg_temp as $$
          select project_id from project_members
          where user_id = app_current_user_id() and agency_id = app_current_agency_id()
        $$`)
    this.schema.raw(`
      create or replace function app_managed_project_ids() returns setof uuid
        language sql stable security definer set search_path = public, pg_temp as $$
          select project_id from project_members
          where user_id = app_current_user_id() and agency_id = app_current_agency_id() and role = 'manager'
        $$`)

    this.schema.raw('drop policy projects_manage on projects')
    this.schema.raw('drop policy projects_assigned on projects')
    this.schema.raw(policy('projects', 'owner', 'all', { using: OWNER, check: OWNER }))
    this.schema.raw(policy('projects', 'manager_create', 'insert', { check: `${MANAGER} and ${CREATED_BY_ME}` }))
    const managed = `${MANAGER} and (id in (select app_managed_project_ids()) or ${CREATED_BY_ME})`
    this.schema.raw(policy('projects', 'manager_update', 'update', { using: managed, check: managed }))
    this.schema.raw(policy('projects', 'manager_delete', 'delete', { using: managed }))
    this.schema.raw(
      policy('projects', 'staff_read', 'select', {
        using: `${STAFF} and (id in (select app_my_project_ids()) or (${CURRENT_ROLE} = 'manager' and ${CREATED_BY_ME}))`,
      })
    )

    this.schema.raw('drop policy project_members_manage on project_members')
    this.schema.raw('drop policy project_members_own on project_members')
    this.schema.raw(policy('project_members', 'owner', 'all', { using: OWNER, check: OWNER }))
    // Managers edit the team of projects they manage; the creator can add the first managers.
    const managesTeam = `${MANAGER} and (project_id in (select app_managed_project_ids())
      or exists (select 1 from projects p where p.id = project_members.project_id and p.${CREATED_BY_ME}))`
    this.schema.raw(policy('project_members', 'manager', 'all', { using: managesTeam, check: managesTeam }))
    this.schema.raw(
      policy('project_members', 'team_read', 'select', { using: `${STAFF} and project_id in (select app_my_project_ids())` })
    )
  }

  async down() {
    for (const name of ['owner', 'manager_create', 'manager_update', 'manager_delete', 'staff_read']) {
      this.schema.raw(`drop policy if exists projects_${name} on projects`)
    }
    for (const name of ['owner', 'manager', 'team_read']) {
      this.schema.raw(`drop policy if exists project_members_${name} on project_members`)
    }
    // The 0006 rules come back.
    const runs = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`
    this.schema.raw(policy('projects', 'manage', 'all', { using: runs, check: runs }))
    this.schema.raw(
      policy('projects', 'assigned', 'select', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'member' and exists (
          select 1 from project_members pm where pm.project_id = projects.id and pm.user_id = ${CURRENT_USER_ID})`,
      })
    )
    this.schema.raw(policy('project_members', 'manage', 'all', { using: runs, check: runs }))
    this.schema.raw(
      policy('project_members', 'own', 'select', { using: `agency_id = ${CURRENT_AGENCY} and user_id = ${CURRENT_USER_ID}` })
    )
    this.schema.raw('drop function if exists app_my_project_ids(), app_managed_project_ids()')
    this.schema.raw('alter table agencies drop column default_hourly_rate_cents, drop column default_cost_rate_cents')
    this.schema.raw(`alter table project_members drop column billable_rate_cents, drop column cost_rate_cents,
      drop column weekly_allocated_seconds`)
    this.schema.raw(`alter table projects drop constraint projects_deadline_after_start, drop column billing_type,
      drop column hourly_rate_cents, drop column budget_seconds, drop column start_date, drop column deadline,
      drop column retainer_amount_cents, drop column retainer_period, drop column retainer_included_seconds,
      drop column retainer_rollover_periods, drop column overage_rate_cents, drop column created_by_user_id`)
  }
}
