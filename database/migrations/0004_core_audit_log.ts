import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, policy, protectTable } from '#database/rls'

/** Append-only for the runtime role: no update or delete grant, no such policy. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table audit_logs (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        actor_id uuid,
        actor_type text not null check (actor_type in ('user', 'client', 'system')),
        entity_type text not null,
        entity_id text not null,
        action text not null,
        before jsonb,
        after jsonb,
        created_at timestamptz not null default now()
      )`)
    this.schema.raw('create index audit_logs_entity_idx on audit_logs (agency_id, entity_type, entity_id, created_at desc)')
    this.schema.raw('create index audit_logs_recent_idx on audit_logs (agency_id, created_at desc)')
    for (const sql of protectTable('audit_logs', 'select, insert')) this.schema.raw(sql)
    this.schema.raw(policy('audit_logs', 'append', 'insert', { check: `agency_id = ${CURRENT_AGENCY}` }))
    this.schema.raw(
      policy('audit_logs', 'read', 'select', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`,
      })
    )
  }

  async down() {
    this.schema.raw('drop table if exists audit_logs')
  }
}
