import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, policy, protectTable } from '#database/rls'

const STAFF_READS = `agency_id = ${CURRENT_AGENCY}`
const MANAGES = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`
const TABLES = ['project_templates', 'template_milestones', 'template_tasks', 'template_dependencies']

/**
 * Project templates: milestones, tasks and finish-to-start dependencies with
 * dates kept as day offsets from the project's start. Every staff member of
 * the agency reads them; owners and managers write them.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table project_templates (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        name text not null check (length(name) between 1 and 160),
        description text check (length(description) <= 10000),
        billing_type text check (billing_type in ('hourly', 'fixed', 'retainer')),
        budget_cents bigint check (budget_cents >= 0),
        budget_seconds integer check (budget_seconds >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id)
      )`)
    this.schema.raw(`
      create table template_milestones (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        template_id uuid not null,
        name text not null check (length(name) between 1 and 160),
        due_offset_days integer not null default 0 check (due_offset_days between 0 and 3660),
        amount_cents bigint check (amount_cents >= 0),
        unique (agency_id, id),
        foreign key (agency_id, template_id) references project_templates (agency_id, id) on delete cascade
      )`)
    this.schema.raw(`
      create table template_tasks (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        template_id uuid not null,
        template_milestone_id uuid,
        title text not null check (length(title) between 1 and 200),
        description text check (length(description) <= 10000),
        priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
        status text not null default 'todo' check (status in ('todo', 'in_progress', 'review', 'done')),
        estimate_seconds integer check (estimate_seconds >= 0),
        start_offset_days integer check (start_offset_days between 0 and 3660),
        due_offset_days integer check (due_offset_days between 0 and 3660),
        position integer not null default 0,
        unique (agency_id, id),
        check (start_offset_days is null or due_offset_days is null or start_offset_days <= due_offset_days),
        foreign key (agency_id, template_id) references project_templates (agency_id, id) on delete cascade,
        foreign key (agency_id, template_milestone_id) references template_milestones (agency_id, id) on delete cascade
      )`)
    this.schema.raw(`
      create table template_dependencies (
        agency_id uuid not null references agencies (id),
        template_task_id uuid not null,
        depends_on_template_task_id uuid not null,
        primary key (template_task_id, depends_on_template_task_id),
        check (template_task_id <> depends_on_template_task_id),
        foreign key (agency_id, template_task_id) references template_tasks (agency_id, id) on delete cascade,
        foreign key (agency_id, depends_on_template_task_id) references template_tasks (agency_id, id) on delete cascade
      )`)
    this.schema.raw('create index template_milestones_template_idx on template_milestones (agency_id, template_id)')
    this.schema.raw('create index template_tasks_template_idx on template_tasks (agency_id, template_id, position)')
    for (const table of TABLES) {
      for (const sql of protectTable(table)) this.schema.raw(sql)
      this.schema.raw(policy(table, 'read', 'select', { using: STAFF_READS }))
      this.schema.raw(policy(table, 'manage', 'all', { using: MANAGES, check: MANAGES }))
    }
  }

  async down() {
    this.schema.raw(`drop table if exists ${[...TABLES].reverse().join(', ')} cascade`)
  }
}
