import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole } from '#config/database'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable, runtimeRole } from '#database/rls'

/** The runtime role's name as an SQL string literal. */
const appRoleLiteral = `'${appRole.replaceAll("'", "''")}'`
const OWNER = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`
const OWN_ROW = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('manager', 'member') and user_id = ${CURRENT_USER_ID}`
/** Time is logged only on projects the user is assigned to (the owner logs anywhere). */
const ON_MY_PROJECT = `project_id in (select app_my_project_ids())`
const MANAGES = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'manager' and project_id in (select app_managed_project_ids())`

/**
 * Time: entries, the one running timer per user, and weekly timesheets.
 *
 * - The owner (and `system`) reads and writes every entry of the agency.
 * - Staff read and write their own entries, on projects they are assigned to.
 * - Managers read the entries of the projects they manage and may move them
 *   between submitted, approved and draft (rejected) — never edit them.
 * - Submitted, approved and invoiced entries are immutable for the runtime
 *   role (every request and job): triggers refuse edits and deletes with
 *   SQLSTATE TL409 (answered 409). The schema owner is not bound.
 * - One user's timed entries never overlap (an exclusion constraint; touching is fine).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('create extension if not exists btree_gist')

    this.schema.raw(`
      create table time_entries (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        user_id uuid not null,
        project_id uuid not null,
        task_id uuid,
        description text not null default '' check (length(description) <= 2000),
        entry_date date not null,
        started_at timestamptz,
        ended_at timestamptz,
        duration_seconds integer not null check (duration_seconds between 1 and 43200),
        billable boolean not null,
        billable_rate_cents integer check (billable_rate_cents >= 0),
        cost_rate_cents integer check (cost_rate_cents >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        status text not null default 'draft' check (status in ('draft', 'submitted', 'approved')),
        submitted_at timestamptz,
        approved_at timestamptz,
        approved_by_user_id uuid,
        invoice_id uuid,
        invoiced_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        check ((started_at is null) = (ended_at is null)),
        check (ended_at is null or (ended_at > started_at and duration_seconds = extract(epoch from ended_at - started_at)::integer)),
        check ((invoice_id is null) = (invoiced_at is null)),
        foreign key (agency_id, user_id) references users (agency_id, id),
        foreign key (agency_id, project_id) references projects (agency_id, id),
        foreign key (agency_id, project_id, task_id) references tasks (agency_id, project_id, id) on delete set null (task_id),
        foreign key (agency_id, approved_by_user_id) references users (agency_id, id),
        constraint time_entries_no_overlap exclude using gist (
          user_id with =, tstzrange(started_at, ended_at, '[)') with &&
        ) where (started_at is not null)
      )`)
    this.schema.raw('create index time_entries_user_day_idx on time_entries (agency_id, user_id, entry_date)')
    this.schema.raw('create index time_entries_project_day_idx on time_entries (agency_id, project_id, entry_date)')
    this.schema.raw('create index time_entries_unbilled_idx on time_entries (agency_id, project_id, entry_date) where invoice_id is null and billable')
    this.schema.raw('create index time_entries_invoice_idx on time_entries (agency_id, invoice_id) where invoice_id is not null')

    for (const sql of protectTable('time_entries')) this.schema.raw(sql)
    this.schema.raw(policy('time_entries', 'owner', 'all', { using: OWNER, check: OWNER }))
    this.schema.raw(policy('time_entries', 'own_read', 'select', { using: OWN_ROW }))
    this.schema.raw(policy('time_entries', 'own_insert', 'insert', { check: `${OWN_ROW} and ${ON_MY_PROJECT}` }))
    this.schema.raw(
      policy('time_entries', 'own_update', 'update', { using: OWN_ROW, check: `${OWN_ROW} and ${ON_MY_PROJECT}` })
    )
    this.schema.raw(policy('time_entries', 'own_delete', 'delete', { using: OWN_ROW }))
    this.schema.raw(policy('time_entries', 'managed_read', 'select', { using: MANAGES }))
    this.schema.raw(policy('time_entries', 'managed_decide', 'update', { using: MANAGES, check: MANAGES }))

    this.schema.raw(`
      create table timesheets (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        user_id uuid not null,
        week_start date not null check (extract(isodow from week_start) = 1),
        status text not null check (status in ('submitted', 'approved', 'rejected')),
        submitted_at timestamptz,
        decided_at timestamptz,
        decided_by_user_id uuid,
        rejection_reason text check (length(rejection_reason) between 1 and 2000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        unique (agency_id, user_id, week_start),
        check (status <> 'rejected' or rejection_reason is not null),
        foreign key (agency_id, user_id) references users (agency_id, id),
        foreign key (agency_id, decided_by_user_id) references users (agency_id, id)
      )`)
    this.schema.raw('create index timesheets_status_idx on timesheets (agency_id, status, week_start)')
    for (const sql of protectTable('timesheets', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(policy('timesheets', 'owner', 'all', { using: OWNER, check: OWNER }))
    this.schema.raw(policy('timesheets', 'own', 'all', { using: OWN_ROW, check: OWN_ROW }))
    // A manager sees (and decides) the weeks that hold time on a project they manage.
    const managesAWeek = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'manager' and exists (
      select 1 from time_entries te
       where te.user_id = timesheets.user_id
         and te.entry_date between timesheets.week_start and timesheets.week_start + 6
         and te.project_id in (select app_managed_project_ids()))`
    this.schema.raw(policy('timesheets', 'managed', 'select', { using: managesAWeek }))
    this.schema.raw(policy('timesheets', 'managed_decide', 'update', { using: managesAWeek, check: managesAWeek }))

    this.schema.raw(`
      create table running_timers (
        agency_id uuid not null references agencies (id),
        user_id uuid not null,
        project_id uuid not null,
        task_id uuid,
        description text not null default '' check (length(description) <= 2000),
        billable boolean not null,
        started_at timestamptz not null,
        created_at timestamptz not null default now(),
        primary key (agency_id, user_id),
        foreign key (agency_id, user_id) references users (agency_id, id),
        foreign key (agency_id, project_id) references projects (agency_id, id) on delete cascade,
        foreign key (agency_id, project_id, task_id) references tasks (agency_id, project_id, id) on delete set null (task_id)
      )`)
    for (const sql of protectTable('running_timers')) this.schema.raw(sql)
    this.schema.raw(policy('running_timers', 'owner', 'all', { using: OWNER, check: OWNER }))
    this.schema.raw(policy('running_timers', 'own', 'all', { using: OWN_ROW, check: `${OWN_ROW} and ${ON_MY_PROJECT}` }))

    this.immutabilityTriggers()

    // The periodic sweep's only cross-tenant read: whose timers have run past 12 h (ids only).
    this.schema.raw(`
      create function time_overdue_timers() returns table (agency_id uuid, user_id uuid)
        language sql stable security definer set search_path = public, pg_temp
        as $$ select t.agency_id, t.user_id from running_timers t where t.started_at <= now() - interval '12 hours' $$`)
    this.schema.raw('revoke all on function time_overdue_timers() from public')
    this.schema.raw(`grant execute on function time_overdue_timers() to ${runtimeRole}`)
  }

  /**
   * What policies cannot say, because they do not compare old and new rows:
   * - a submitted, approved or invoiced entry keeps its content; only the
   *   approval and invoicing columns move, and it is never deleted;
   * - only the entry's own user (or `system`) edits its content;
   * - only a manager of the project (or the owner) approves or rejects;
   * - nothing is logged or moved into a week that is submitted or approved.
   */
  private immutabilityTriggers() {
    this.schema.raw(`
      create or replace function time_week_locked(p_user_id uuid, p_day date) returns boolean
        language sql stable security definer set search_path = public, pg_temp as $$
          select exists (select 1 from timesheets t
            where t.user_id = p_user_id and t.week_start = date_trunc('week', p_day)::date
              and t.status in ('submitted', 'approved') and t.agency_id = app_current_agency_id())
        $$`)
    this.schema.raw(`grant execute on function time_week_locked(uuid, date) to ${runtimeRole}`)

    this.schema.raw(`
      create or replace function time_entries_guard() returns trigger language plpgsql as $$
        declare
          content_changed boolean;
        begin
          -- The guard binds the app's runtime role; the schema owner (migrations, operators, benches) is not bound.
          if current_user <> ${appRoleLiteral} then return coalesce(new, old); end if;
          if tg_op = 'DELETE' then
            if old.status <> 'draft' or old.invoice_id is not null then
              raise exception 'Submitted, approved or invoiced time cannot be deleted' using errcode = 'TL409';
            end if;
            return old;
          end if;

          if tg_op = 'INSERT' then
            if new.status <> 'draft' and app_current_role() <> 'system' then
              raise exception 'New time starts as a draft' using errcode = 'TL409';
            end if;
            if time_week_locked(new.user_id, new.entry_date) then
              raise exception 'That week is submitted for approval: its time cannot change' using errcode = 'TL409';
            end if;
            return new;
          end if;

          content_changed := (new.user_id, new.project_id, new.task_id, new.description, new.entry_date, new.started_at,
                              new.ended_at, new.duration_seconds, new.billable, new.billable_rate_cents,
                              new.cost_rate_cents, new.currency)
                   is distinct from (old.user_id, old.project_id, old.task_id, old.description, old.entry_date, old.started_at,
                              old.ended_at, old.duration_seconds, old.billable, old.billable_rate_cents,
                              old.cost_rate_cents, old.currency);
          if content_changed then
            if old.status <> 'draft' or old.invoice_id is not null then
              raise exception 'Submitted, approved or invoiced time cannot be changed' using errcode = 'TL409';
            end if;
            if old.user_id <> app_current_user_id() and app_current_role() <> 'system' then
              raise exception 'Only the person who logged the time edits it' using errcode = '42501';
            end if;
            if time_week_locked(new.user_id, new.entry_date) then
              raise exception 'That week is submitted for approval: its time cannot change' using errcode = 'TL409';
            end if;
          end if;

          if new.status is distinct from old.status then
            if old.status = 'draft' and new.status = 'submitted' then
              if old.user_id <> app_current_user_id() and app_current_role() <> 'system' then
                raise exception 'Only the person who logged the time submits it' using errcode = '42501';
              end if;
            elsif old.status = 'submitted' and new.status in ('approved', 'draft') then
              if not projects_manages(old.project_id) then
                raise exception 'Only a manager of the project approves or rejects its time' using errcode = '42501';
              end if;
            else
              raise exception 'Time cannot move from % to %', old.status, new.status using errcode = 'TL409';
            end if;
          end if;
          return new;
        end $$`)
    this.schema.raw(
      'create trigger time_entries_guard before insert or update or delete on time_entries for each row execute function time_entries_guard()'
    )

    // A person submits their own week; only the owner or a manager of time in it decides it.
    this.schema.raw(`
      create or replace function timesheets_guard() returns trigger language plpgsql as $$
        begin
          if current_user <> ${appRoleLiteral} or app_current_role() = 'system' then return new; end if;
          if new.status = 'submitted' and (tg_op = 'INSERT' or old.status is distinct from 'submitted') then
            if new.user_id <> app_current_user_id() then
              raise exception 'Only the person whose week it is submits it' using errcode = '42501';
            end if;
          elsif new.status in ('approved', 'rejected') and (tg_op = 'INSERT' or new.status is distinct from old.status) then
            if app_current_role() not in ('owner', 'manager') then
              raise exception 'Only a manager or the owner approves or rejects a week' using errcode = '42501';
            end if;
          end if;
          return new;
        end $$`)
    this.schema.raw(
      'create trigger timesheets_guard before insert or update on timesheets for each row execute function timesheets_guard()'
    )
  }

  async down() {
    this.schema.raw('drop function if exists time_overdue_timers()')
    this.schema.raw('drop table if exists running_timers, timesheets, time_entries cascade')
    this.schema.raw('drop function if exists time_entries_guard(), timesheets_guard(), time_week_locked(uuid, date)')
  }
}
