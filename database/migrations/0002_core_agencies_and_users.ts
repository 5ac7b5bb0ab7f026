import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, CURRENT_USER_ID, policy, protectTable } from '#database/rls'

export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table agencies (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 120),
        logo_path text,
        brand_color varchar(7) not null default '#4f46e5' check (brand_color ~ '^#[0-9a-fA-F]{6}$'),
        currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
        timezone text not null default 'UTC',
        tax_rate_basis_points integer not null default 0 check (tax_rate_basis_points between 0 and 10000),
        invoice_prefix text not null default 'INV-' check (length(invoice_prefix) between 1 and 12),
        payment_terms_days integer not null default 30 check (payment_terms_days between 0 and 365),
        require_time_approval boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`)
    for (const sql of protectTable('agencies', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(policy('agencies', 'read', 'select', { using: `id = ${CURRENT_AGENCY}` }))
    this.schema.raw(policy('agencies', 'create', 'insert', { check: `id = ${CURRENT_AGENCY}` }))
    this.schema.raw(
      policy('agencies', 'update', 'update', {
        using: `id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`,
        check: `id = ${CURRENT_AGENCY}`,
      })
    )

    this.schema.raw(`
      create table users (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        email text not null check (length(email) between 3 and 254),
        name text not null check (length(name) between 1 and 120),
        password text not null,
        role text not null check (role in ('owner', 'manager', 'member')),
        is_active boolean not null default true,
        hourly_rate_cents integer check (hourly_rate_cents >= 0),
        cost_rate_cents integer check (cost_rate_cents >= 0),
        capacity_hours_weekly integer not null default 40 check (capacity_hours_weekly between 0 and 168),
        last_login_at timestamptz,
        deactivated_at timestamptz,
        -- bumped on deactivation and password reset: sessions that carry an older value end
        session_version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id)
      )`)
    // One staff login per address across the product: sign-in asks only for the email.
    this.schema.raw('create unique index users_email_unique on users (lower(email))')
    for (const sql of protectTable('users', 'select, insert, update')) this.schema.raw(sql)
    this.schema.raw(policy('users', 'read', 'select', { using: `agency_id = ${CURRENT_AGENCY}` }))
    this.schema.raw(
      policy('users', 'create', 'insert', {
        check: `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'system')`,
      })
    )
    this.schema.raw(
      policy('users', 'update', 'update', {
        using: `agency_id = ${CURRENT_AGENCY} and (${CURRENT_ROLE} in ('owner', 'system') or id = ${CURRENT_USER_ID})`,
        check: `agency_id = ${CURRENT_AGENCY}`,
      })
    )
  }

  async down() {
    this.schema.raw('drop table if exists users')
    this.schema.raw('drop table if exists agencies')
  }
}
