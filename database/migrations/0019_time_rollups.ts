import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable, runtimeRole } from '#database/rls'

const OWNER = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`
const OWN_ROW = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('manager', 'member') and user_id = ${CURRENT_USER_ID}`
const MANAGES = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'manager' and project_id in (select app_managed_project_ids())`

/**
 * Reports read pre-aggregated time, never a scan of every entry:
 *
 * - `time_daily_rollups`: one row per agency, project, user and day with the
 *   exact integer sums Reports need (seconds, billable seconds, Σ seconds ×
 *   cost rate, Σ seconds × billable rate of billable time, entries). Kept
 *   current by statement-level AFTER triggers on `time_entries` (transition
 *   tables: a bulk insert costs one upsert per touched key, not per row);
 *   an update subtracts the old rows and adds the new ones, so moves between
 *   days, projects and people are exact. Keys left without entries go away.
 *   Readable under the same rules as the entries (the key holds the project
 *   and the user): owner/system everything, staff their own rows, managers
 *   the projects they manage. Only the trigger (SECURITY DEFINER) writes.
 * - `report_exports`: large CSV exports prepared on the queue, with progress;
 *   each row is its requester's own (the worker acts as `system`).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table time_daily_rollups (
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        user_id uuid not null,
        day date not null,
        seconds bigint not null,
        billable_seconds bigint not null,
        cost_numerator bigint not null,
        billable_value_numerator bigint not null,
        entries integer not null,
        primary key (agency_id, project_id, user_id, day)
      )`)
    this.schema.raw('create index time_daily_rollups_user_day_idx on time_daily_rollups (agency_id, user_id, day)')
    this.schema.raw('create index time_daily_rollups_day_idx on time_daily_rollups (agency_id, day)')
    for (const sql of protectTable('time_daily_rollups', 'select')) this.schema.raw(sql)
    this.schema.raw(policy('time_daily_rollups', 'owner', 'select', { using: OWNER }))
    this.schema.raw(policy('time_daily_rollups', 'own_read', 'select', { using: OWN_ROW }))
    this.schema.raw(policy('time_daily_rollups', 'managed_read', 'select', { using: MANAGES }))

    // Applies signed deltas (already grouped by key) and drops keys left empty.
    const apply = (deltas: string) => `
      insert into time_daily_rollups as r (agency_id, project_id, user_id, day, seconds, billable_seconds, cost_numerator, billable_value_numerator, entries)
      select agency_id, project_id, user_id, day, sum(seconds), sum(billable_seconds), sum(cost_numerator), sum(billable_value_numerator), sum(entries)
        from (${deltas}) d
       group by agency_id, project_id, user_id, day
       order by agency_id, project_id, user_id, day
      on conflict (agency_id, project_id, user_id, day) do update set
        seconds = r.seconds + excluded.seconds,
        billable_seconds = r.billable_seconds + excluded.billable_seconds,
        cost_numerator = r.cost_numerator + excluded.cost_numerator,
        billable_value_numerator = r.billable_value_numerator + excluded.billable_value_numerator,
        entries = r.entries + excluded.entries`
    const rows = (table: string, sign: '' | '-') => `
      select agency_id, project_id, user_id, entry_date as day,
             ${sign}duration_seconds::bigint as seconds,
             ${sign}(case when billable then duration_seconds else 0 end)::bigint as billable_seconds,
             ${sign}(duration_seconds::bigint * coalesce(cost_rate_cents, 0)) as cost_numerator,
             ${sign}(case when billable then duration_seconds::bigint * coalesce(billable_rate_cents, 0) else 0 end) as billable_value_numerator,
             ${sign}1 as entries
        from ${table}`
    this.schema.raw(`
      create function time_rollups_apply() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          if tg_op = 'INSERT' then
            ${apply(rows('new_rows', ''))};
          elsif tg_op = 'DELETE' then
            ${apply(rows('old_rows', '-'))};
          else
            ${apply(`${rows('new_rows', '')} union all ${rows('old_rows', '-')}`)};
          end if;
          if tg_op <> 'INSERT' then
            delete from time_daily_rollups r using (select distinct agency_id, project_id, user_id, entry_date from old_rows) o
             where r.agency_id = o.agency_id and r.project_id = o.project_id and r.user_id = o.user_id and r.day = o.entry_date
               and r.entries = 0;
          end if;
          return null;
        end $$`)
    this.schema.raw('revoke all on function time_rollups_apply() from public')
    this.schema.raw(
      'create trigger time_rollups_insert after insert on time_entries referencing new table as new_rows for each statement execute function time_rollups_apply()'
    )
    this.schema.raw(
      'create trigger time_rollups_update after update on time_entries referencing old table as old_rows new table as new_rows for each statement execute function time_rollups_apply()'
    )
    this.schema.raw(
      'create trigger time_rollups_delete after delete on time_entries referencing old table as old_rows for each statement execute function time_rollups_apply()'
    )
    // Backfill from the entries already there.
    this.schema.raw(apply(rows('time_entries', '')))

    this.schema.raw(`
      create table report_exports (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        user_id uuid not null,
        kind text not null check (kind in ('profitability', 'utilization')),
        params jsonb not null default '{}',
        status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
        progress smallint not null default 0 check (progress between 0 and 100),
        file_path text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, user_id) references users (agency_id, id)
      )`)
    this.schema.raw('create index report_exports_user_idx on report_exports (agency_id, user_id, created_at)')
    for (const sql of protectTable('report_exports', 'select, insert, update')) this.schema.raw(sql)
    const MINE = `agency_id = ${CURRENT_AGENCY} and user_id = ${CURRENT_USER_ID}`
    const SYSTEM = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'system'`
    this.schema.raw(policy('report_exports', 'own', 'all', { using: MINE, check: MINE }))
    this.schema.raw(policy('report_exports', 'system', 'all', { using: SYSTEM, check: SYSTEM }))
    this.schema.raw(`grant execute on function time_rollups_apply() to ${runtimeRole}`)
  }

  async down() {
    this.schema.raw('drop table if exists report_exports')
    this.schema.raw('drop trigger if exists time_rollups_insert on time_entries')
    this.schema.raw('drop trigger if exists time_rollups_update on time_entries')
    this.schema.raw('drop trigger if exists time_rollups_delete on time_entries')
    this.schema.raw('drop function if exists time_rollups_apply()')
    this.schema.raw('drop table if exists time_daily_rollups')
  }
}
