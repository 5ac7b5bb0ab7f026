import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole, appRolePassword } from '#config/database'
import { runtimeRole } from '#database/rls'

/**
 * The role the app runs queries as, and the functions RLS policies use to read
 * the tenant context. NULLIF: a reused pooled connection returns '' for a
 * setting set by an earlier transaction, which must mean "no tenant".
 */
export default class extends BaseSchema {
  async up() {
    const literal = (value: string) => `'${value.replaceAll("'", "''")}'`
    this.schema.raw(`
      do $$
      begin
        if not exists (select 1 from pg_roles where rolname = ${literal(appRole)}) then
          create role ${runtimeRole} login password ${literal(appRolePassword)}
            nosuperuser nobypassrls nocreatedb nocreaterole noinherit;
        else
          alter role ${runtimeRole} login password ${literal(appRolePassword)}
            nosuperuser nobypassrls nocreatedb nocreaterole;
        end if;
      end
      $$`)
    this.schema.raw(`grant usage on schema public to ${runtimeRole}`)
    this.schema.raw(`
      create or replace function app_current_agency_id() returns uuid
        language sql stable parallel safe
        as $$ select nullif(current_setting('app.agency_id', true), '')::uuid $$`)
    this.schema.raw(`
      create or replace function app_current_user_id() returns uuid
        language sql stable parallel safe
        as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$`)
    this.schema.raw(`
      create or replace function app_current_role() returns text
        language sql stable parallel safe
        as $$ select nullif(current_setting('app.role', true), '') $$`)
  }

  async down() {
    this.schema.raw('drop function if exists app_current_role()')
    this.schema.raw('drop function if exists app_current_user_id()')
    this.schema.raw('drop function if exists app_current_agency_id()')
    this.schema.raw(`revoke usage on schema public from ${runtimeRole}`)
  }
}
