import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable, runtimeRole } from '#database/rls'

/** Invitations, password resets and API tokens: secrets stored only as hashes. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table invitations (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        email text not null,
        role text not null check (role in ('manager', 'member')),
        token_hash text not null unique,
        invited_by uuid,
        expires_at timestamptz not null,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (agency_id, invited_by) references users (agency_id, id)
      )`)
    this.schema.raw('create index invitations_agency_idx on invitations (agency_id, created_at desc)')
    for (const sql of protectTable('invitations')) this.schema.raw(sql)
    this.schema.raw(
      policy('invitations', 'managers', 'all', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`,
        check: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`,
      })
    )

    this.schema.raw(`
      create table password_resets (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        user_id uuid not null,
        token_hash text not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (agency_id, user_id) references users (agency_id, id)
      )`)
    for (const sql of protectTable('password_resets')) this.schema.raw(sql)
    this.schema.raw(
      policy('password_resets', 'system', 'all', {
        using: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'system'`,
        check: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} = 'system'`,
      })
    )

    // Shape required by @adonisjs/auth's DbAccessTokensProvider; agency_id fills itself from the context.
    this.schema.raw(`
      create table auth_access_tokens (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null default app_current_agency_id() references agencies (id),
        tokenable_id uuid not null,
        type text not null,
        name text,
        hash text not null,
        abilities text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        last_used_at timestamptz,
        expires_at timestamptz,
        foreign key (agency_id, tokenable_id) references users (agency_id, id) on delete cascade
      )`)
    this.schema.raw('create index auth_access_tokens_user_idx on auth_access_tokens (agency_id, tokenable_id)')
    for (const sql of protectTable('auth_access_tokens')) this.schema.raw(sql)
    const ownOrOwner = `agency_id = ${CURRENT_AGENCY} and (tokenable_id = ${CURRENT_USER_ID} or ${CURRENT_ROLE} in ('owner', 'system'))`
    this.schema.raw(policy('auth_access_tokens', 'own', 'all', { using: ownOrOwner, check: ownOrOwner }))

    // Pre-authentication look-ups: the only way to find a tenant without a context.
    this.schema.raw(`
      create or replace function auth_lookup_login(p_email text)
        returns table (agency_id uuid, user_id uuid)
        language sql stable security definer set search_path = public, pg_temp
        as $$ select u.agency_id, u.id from users u where lower(u.email) = lower(p_email) $$`)
    this.schema.raw(`
      create or replace function auth_lookup_token(p_token_id uuid)
        returns table (agency_id uuid, user_id uuid, role text)
        language sql stable security definer set search_path = public, pg_temp
        as $$
          select t.agency_id, t.tokenable_id, u.role
          from auth_access_tokens t join users u on u.agency_id = t.agency_id and u.id = t.tokenable_id
          where t.id = p_token_id
        $$`)
    this.schema.raw(`
      create or replace function auth_lookup_invitation(p_token_hash text)
        returns uuid
        language sql stable security definer set search_path = public, pg_temp
        as $$ select i.agency_id from invitations i where i.token_hash = p_token_hash $$`)
    this.schema.raw(`
      create or replace function auth_lookup_password_reset(p_token_hash text)
        returns uuid
        language sql stable security definer set search_path = public, pg_temp
        as $$ select r.agency_id from password_resets r where r.token_hash = p_token_hash $$`)
    for (const fn of [
      'auth_lookup_login(text)',
      'auth_lookup_token(uuid)',
      'auth_lookup_invitation(text)',
      'auth_lookup_password_reset(text)',
    ]) {
      this.schema.raw(`revoke all on function ${fn} from public`)
      this.schema.raw(`grant execute on function ${fn} to ${runtimeRole}`)
    }
  }

  async down() {
    for (const fn of ['auth_lookup_login(text)', 'auth_lookup_token(uuid)', 'auth_lookup_invitation(text)', 'auth_lookup_password_reset(text)']) {
      this.schema.raw(`drop function if exists ${fn}`)
    }
    this.schema.raw('drop table if exists auth_access_tokens')
    this.schema.raw('drop table if exists password_resets')
    this.schema.raw('drop table if exists invitations')
  }
}
