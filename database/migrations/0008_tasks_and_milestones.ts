import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable } from '#database/rls'

/**
 * Who may do what (TaskPolicy mirrors it):
 * - read: every row of a project the user sees; the subquery runs under projects' own policies
 *   (0007: owners see all, managers and members the projects they are on).
 * - write everything: owners, `system`, and agency managers who manage the project (project_members.role = 'manager'),
 *   the same rule as projects' own (0007) and ProjectPolicy.
 * - anyone else on the project's team may:
 *   - update a task's status, position and completed_at, and its assignee only to themselves (or from themselves to nobody);
 *   - add comments as themselves, and edit or delete their own comments;
 *   - tick and untick checklist items (`done` only).
 *   Column limits are enforced by the BEFORE UPDATE triggers below, since policies cannot compare old and new rows.
 */
const PROJECT_VISIBLE = (column: string) =>
  `agency_id = ${CURRENT_AGENCY} and exists (select 1 from projects p where p.id = ${column})`
/** Like projects' own rule (0007): the owner and `system`, or an agency manager who manages this project. */
const MANAGES_PROJECT = (column: string) =>
  `agency_id = ${CURRENT_AGENCY} and (${CURRENT_ROLE} in ('owner', 'system') or (${CURRENT_ROLE} = 'manager' and exists (
    select 1 from project_members pm where pm.project_id = ${column} and pm.user_id = ${CURRENT_USER_ID} and pm.role = 'manager')))`
const MEMBER_OF_PROJECT = (column: string) =>
  `agency_id = ${CURRENT_AGENCY} and exists (
    select 1 from project_members pm where pm.project_id = ${column} and pm.user_id = ${CURRENT_USER_ID})`

/** Milestones, tasks, their dependencies, comments and checklists. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create or replace function projects_manages(p_project_id uuid) returns boolean
        language sql stable as $$
          select app_current_role() in ('owner', 'system') or (app_current_role() = 'manager' and exists (
            select 1 from project_members pm
             where pm.project_id = p_project_id and pm.user_id = app_current_user_id() and pm.role = 'manager'))
        $$`)

    this.schema.raw(`
      create table milestones (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        name text not null check (length(name) between 1 and 160),
        due_date date,
        amount_cents bigint check (amount_cents >= 0),
        status text not null default 'open' check (status in ('open', 'completed')),
        completed_at timestamptz,
        position integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        unique (agency_id, project_id, id),
        check ((status = 'completed') = (completed_at is not null)),
        foreign key (agency_id, project_id) references projects (agency_id, id) on delete cascade
      )`)
    this.schema.raw('create index milestones_project_idx on milestones (agency_id, project_id, due_date)')
    for (const sql of protectTable('milestones')) this.schema.raw(sql)
    this.schema.raw(policy('milestones', 'read', 'select', { using: PROJECT_VISIBLE('milestones.project_id') }))
    this.schema.raw(
      policy('milestones', 'manage', 'all', {
        using: MANAGES_PROJECT('milestones.project_id'),
        check: MANAGES_PROJECT('milestones.project_id'),
      })
    )

    this.schema.raw(`
      create table tasks (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        milestone_id uuid,
        title text not null check (length(title) between 1 and 200),
        description text check (length(description) <= 20000),
        status text not null default 'todo' check (status in ('todo', 'in_progress', 'review', 'done')),
        position integer not null default 0,
        priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
        assignee_user_id uuid,
        start_date date,
        due_date date,
        estimate_seconds integer check (estimate_seconds between 0 and 36000000),
        visible_to_client boolean not null default false,
        completed_at timestamptz,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        unique (agency_id, project_id, id),
        check (start_date is null or due_date is null or start_date <= due_date),
        foreign key (agency_id, project_id) references projects (agency_id, id) on delete cascade,
        foreign key (agency_id, project_id, milestone_id) references milestones (agency_id, project_id, id) on delete set null (milestone_id),
        foreign key (agency_id, assignee_user_id) references users (agency_id, id),
        foreign key (agency_id, created_by) references users (agency_id, id)
      )`)
    this.schema.raw('create index tasks_board_idx on tasks (agency_id, project_id, status, position)')
    this.schema.raw('create index tasks_assignee_idx on tasks (agency_id, assignee_user_id)')
    this.schema.raw('create index tasks_milestone_idx on tasks (agency_id, milestone_id)')
    for (const sql of protectTable('tasks')) this.schema.raw(sql)
    this.schema.raw(policy('tasks', 'read', 'select', { using: PROJECT_VISIBLE('tasks.project_id') }))
    this.schema.raw(
      policy('tasks', 'manage', 'all', { using: MANAGES_PROJECT('tasks.project_id'), check: MANAGES_PROJECT('tasks.project_id') })
    )
    this.schema.raw(
      policy('tasks', 'member', 'update', { using: MEMBER_OF_PROJECT('tasks.project_id'), check: MEMBER_OF_PROJECT('tasks.project_id') })
    )
    this.schema.raw(`
      create or replace function tasks_member_update_guard() returns trigger language plpgsql as $$
        begin
          if projects_manages(old.project_id) then return new; end if;
          if (new.project_id, new.milestone_id, new.title, new.description, new.priority, new.start_date, new.due_date,
              new.estimate_seconds, new.visible_to_client, new.created_by)
             is distinct from
             (old.project_id, old.milestone_id, old.title, old.description, old.priority, old.start_date, old.due_date,
              old.estimate_seconds, old.visible_to_client, old.created_by) then
            raise exception 'A project member may change only the status, position and own assignment of a task'
              using errcode = '42501';
          end if;
          if new.assignee_user_id is distinct from old.assignee_user_id
             and not (new.assignee_user_id = app_current_user_id()
                      or (new.assignee_user_id is null and old.assignee_user_id = app_current_user_id())) then
            raise exception 'A project member may assign a task only to themselves' using errcode = '42501';
          end if;
          return new;
        end $$`)
    this.schema.raw(
      'create trigger tasks_member_update_guard before update on tasks for each row execute function tasks_member_update_guard()'
    )

    // project_id is repeated so the foreign keys keep both tasks in one project.
    this.schema.raw(`
      create table task_dependencies (
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        task_id uuid not null,
        depends_on_task_id uuid not null,
        created_at timestamptz not null default now(),
        primary key (task_id, depends_on_task_id),
        check (task_id <> depends_on_task_id),
        foreign key (agency_id, project_id, task_id) references tasks (agency_id, project_id, id) on delete cascade,
        foreign key (agency_id, project_id, depends_on_task_id) references tasks (agency_id, project_id, id) on delete cascade
      )`)
    this.schema.raw('create index task_dependencies_depends_on_idx on task_dependencies (depends_on_task_id)')
    this.schema.raw('create index task_dependencies_project_idx on task_dependencies (agency_id, project_id)')
    for (const sql of protectTable('task_dependencies', 'select, insert, delete')) this.schema.raw(sql)
    this.schema.raw(
      policy('task_dependencies', 'read', 'select', { using: PROJECT_VISIBLE('task_dependencies.project_id') })
    )
    this.schema.raw(
      policy('task_dependencies', 'manage', 'all', {
        using: MANAGES_PROJECT('task_dependencies.project_id'),
        check: MANAGES_PROJECT('task_dependencies.project_id'),
      })
    )

    this.schema.raw(`
      create table task_comments (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        task_id uuid not null,
        author_user_id uuid not null,
        body text not null check (length(body) between 1 and 10000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, project_id, task_id) references tasks (agency_id, project_id, id) on delete cascade,
        foreign key (agency_id, author_user_id) references users (agency_id, id)
      )`)
    this.schema.raw('create index task_comments_task_idx on task_comments (agency_id, task_id, created_at)')
    for (const sql of protectTable('task_comments')) this.schema.raw(sql)
    this.schema.raw(policy('task_comments', 'read', 'select', { using: PROJECT_VISIBLE('task_comments.project_id') }))
    this.schema.raw(
      policy('task_comments', 'manage', 'all', {
        using: MANAGES_PROJECT('task_comments.project_id'),
        check: MANAGES_PROJECT('task_comments.project_id'),
      })
    )
    const OWN_COMMENT = `${MEMBER_OF_PROJECT('task_comments.project_id')} and author_user_id = ${CURRENT_USER_ID}`
    this.schema.raw(policy('task_comments', 'own', 'all', { using: OWN_COMMENT, check: OWN_COMMENT }))

    this.schema.raw(`
      create table checklist_items (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        task_id uuid not null,
        label text not null check (length(label) between 1 and 300),
        done boolean not null default false,
        position integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, project_id, task_id) references tasks (agency_id, project_id, id) on delete cascade
      )`)
    this.schema.raw('create index checklist_items_task_idx on checklist_items (agency_id, task_id, position)')
    for (const sql of protectTable('checklist_items')) this.schema.raw(sql)
    this.schema.raw(policy('checklist_items', 'read', 'select', { using: PROJECT_VISIBLE('checklist_items.project_id') }))
    this.schema.raw(
      policy('checklist_items', 'manage', 'all', {
        using: MANAGES_PROJECT('checklist_items.project_id'),
        check: MANAGES_PROJECT('checklist_items.project_id'),
      })
    )
    this.schema.raw(
      policy('checklist_items', 'member', 'update', {
        using: MEMBER_OF_PROJECT('checklist_items.project_id'),
        check: MEMBER_OF_PROJECT('checklist_items.project_id'),
      })
    )
    this.schema.raw(`
      create or replace function checklist_items_member_update_guard() returns trigger language plpgsql as $$
        begin
          if projects_manages(old.project_id) then return new; end if;
          if (new.project_id, new.task_id, new.label, new.position) is distinct from (old.project_id, old.task_id, old.label, old.position) then
            raise exception 'A project member may only tick checklist items' using errcode = '42501';
          end if;
          return new;
        end $$`)
    this.schema.raw(
      'create trigger checklist_items_member_update_guard before update on checklist_items for each row execute function checklist_items_member_update_guard()'
    )
  }

  async down() {
    this.schema.raw('drop table if exists checklist_items, task_comments, task_dependencies, tasks, milestones cascade')
    this.schema.raw(
      'drop function if exists checklist_items_member_update_guard(), tasks_member_update_guard(), projects_manages(uuid)'
    )
  }
}
