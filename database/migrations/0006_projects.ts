import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable } from '#database/rls'

const RUNS_PROJECTS = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`
const ASSIGNED_MEMBER = (projectColumn: string) =>
  `exists (select 1 from project_members pm where pm.project_id = ${projectColumn} and pm.user_id = ${CURRENT_USER_ID})`

/** Projects and their team; the CRM's won deals become projects here. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table projects (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        client_id uuid not null,
        source_deal_id uuid,
        name text not null check (length(name) between 1 and 160),
        description text check (length(description) <= 10000),
        status text not null default 'planning' check (status in ('planning', 'active', 'on_hold', 'completed')),
        budget_cents bigint check (budget_cents >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, client_id) references clients (agency_id, id),
        foreign key (agency_id, source_deal_id) references deals (agency_id, id)
      )`)
    // One project per won deal: winning twice finds the same one.
    this.schema.raw('create unique index projects_source_deal_unique on projects (agency_id, source_deal_id)')
    this.schema.raw('create index projects_client_idx on projects (agency_id, client_id)')
    for (const sql of protectTable('projects')) this.schema.raw(sql)
    this.schema.raw(policy('projects', 'manage', 'all', { using: RUNS_PROJECTS, check: RUNS_PROJECTS }))

    this.schema.raw(`
      create table project_members (
        agency_id uuid not null references agencies (id),
        project_id uuid not null,
        user_id uuid not null,
        role text not null default 'member' check (role in ('manager', 'member')),
        created_at timestamptz not null default now(),
        primary key (project_id, user_id),
        foreign key (agency_id, project_id) references projects (agency_id, id) on delete cascade,
        foreign key (agency_id, user_id) references users (agency_id, id)
      )`)
    this.schema.raw('create index project_members_user_idx on project_members (agency_id, user_id, project_id)')
    for (const sql of protectTable('project_members')) this.schema.raw(sql)
    this.schema.raw(policy('project_members', 'manage', 'all', { using: RUNS_PROJECTS, check: RUNS_PROJECTS }))
    this.schema.raw(
      policy('project_members', 'own', 'select', { using: `agency_id = ${CURRENT_AGENCY} and user_id = ${CURRENT_USER_ID}` })
    )

    // Members read the projects they are assigned to, and those projects' clients (read-only).
    this.schema.raw(
      policy('projects', 'assigned', 'select', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'member' and ${ASSIGNED_MEMBER('projects.id')}`,
      })
    )
    this.schema.raw(
      policy('clients', 'assigned', 'select', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'member' and exists (
          select 1 from projects p where p.client_id = clients.id and ${ASSIGNED_MEMBER('p.id')})`,
      })
    )
  }

  async down() {
    this.schema.raw('drop policy if exists clients_assigned on clients')
    this.schema.raw('drop table if exists project_members, projects cascade')
  }
}
