import { BaseSchema } from '@adonisjs/lucid/schema'
import { CURRENT_AGENCY, CURRENT_ROLE, policy, protectTable } from '#database/rls'

/** Owners and managers run the CRM (PRODUCT.md §1); `system` is trusted server code. */
const CRM_MANAGERS = `agency_id = ${CURRENT_AGENCY} and ${CURRENT_ROLE} in ('owner', 'manager', 'system')`
/**
 * A row hanging off a client is readable when its client is: the subquery
 * runs under the clients table's own policies, so members see the rows of
 * the clients of their projects (policy added by the projects migration).
 * Owners and managers read them all, so the role is checked first and they
 * skip the per-row look-up.
 */
const CLIENT_VISIBLE = (table: string) =>
  `agency_id = ${CURRENT_AGENCY} and (${CURRENT_ROLE} in ('owner', 'manager', 'system')
    or exists (select 1 from clients c where c.id = ${table}.client_id))`

/** Clients, contacts, tags, timeline, deal stages and deals. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('create extension if not exists pg_trgm')

    this.schema.raw(`
      create table tags (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        name text not null check (length(name) between 1 and 40),
        color varchar(7) not null default '#64748b' check (color ~ '^#[0-9a-fA-F]{6}$'),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id)
      )`)
    this.schema.raw('create unique index tags_name_unique on tags (agency_id, lower(name))')
    for (const sql of protectTable('tags')) this.schema.raw(sql)
    this.schema.raw(policy('tags', 'read', 'select', { using: `agency_id = ${CURRENT_AGENCY}` }))
    this.schema.raw(policy('tags', 'manage', 'all', { using: CRM_MANAGERS, check: CRM_MANAGERS }))

    this.schema.raw(`
      create table clients (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        company_name text not null check (length(company_name) between 1 and 160),
        industry text check (length(industry) <= 80),
        website text check (length(website) <= 255),
        address text check (length(address) <= 500),
        -- derived from paid invoices by the billing module, never typed
        lifetime_revenue_cents bigint not null default 0,
        last_activity_at timestamptz not null default now(),
        archived_at timestamptz,
        -- company, contact names and emails, lower-cased: one trigram index serves the search box
        search_text text not null default '',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id)
      )`)
    this.schema.raw('create index clients_search_trgm on clients using gin (search_text gin_trgm_ops)')
    this.schema.raw('create index clients_name_idx on clients (agency_id, lower(company_name), id)')
    this.schema.raw('create index clients_activity_idx on clients (agency_id, last_activity_at desc, id)')
    this.schema.raw('create index clients_revenue_idx on clients (agency_id, lifetime_revenue_cents desc, id)')
    this.schema.raw('create index clients_industry_idx on clients (agency_id, lower(industry))')
    for (const sql of protectTable('clients')) this.schema.raw(sql)
    this.schema.raw(policy('clients', 'manage', 'all', { using: CRM_MANAGERS, check: CRM_MANAGERS }))

    this.schema.raw(`
      create table contacts (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        client_id uuid not null,
        name text not null check (length(name) between 1 and 120),
        email text check (length(email) between 3 and 254),
        phone text check (length(phone) <= 40),
        job_title text check (length(job_title) <= 120),
        is_primary boolean not null default false,
        is_billing_contact boolean not null default false,
        portal_access boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        foreign key (agency_id, client_id) references clients (agency_id, id) on delete cascade
      )`)
    this.schema.raw('create unique index contacts_one_primary on contacts (client_id) where is_primary')
    this.schema.raw('create index contacts_client_idx on contacts (agency_id, client_id)')
    this.schema.raw(
      `create index contacts_search_trgm on contacts using gin ((lower(name || ' ' || coalesce(email, ''))) gin_trgm_ops)`
    )
    for (const sql of protectTable('contacts')) this.schema.raw(sql)
    this.schema.raw(policy('contacts', 'read', 'select', { using: CLIENT_VISIBLE('contacts') }))
    this.schema.raw(policy('contacts', 'manage', 'all', { using: CRM_MANAGERS, check: CRM_MANAGERS }))

    // The search text follows the company name and every contact's name and email.
    this.schema.raw(`
      create or replace function crm_client_search_text(p_client_id uuid, p_company_name text)
        returns text language sql stable as $$
          select lower(p_company_name || coalesce(' ' || (
            select string_agg(ct.name || coalesce(' ' || ct.email, ''), ' ')
            from contacts ct where ct.client_id = p_client_id), ''))
        $$`)
    this.schema.raw(`
      create or replace function crm_clients_search_trigger() returns trigger language plpgsql as $$
        begin
          new.search_text := crm_client_search_text(new.id, new.company_name);
          return new;
        end $$`)
    this.schema.raw(`
      create trigger clients_search_text before insert or update of company_name, search_text on clients
        for each row execute function crm_clients_search_trigger()`)
    this.schema.raw(`
      create or replace function crm_contacts_search_trigger() returns trigger language plpgsql as $$
        begin
          update clients set search_text = '' where id = coalesce(new.client_id, old.client_id);
          if tg_op = 'UPDATE' and new.client_id <> old.client_id then
            update clients set search_text = '' where id = old.client_id;
          end if;
          return null;
        end $$`)
    this.schema.raw(`
      create trigger contacts_search_text after insert or update or delete on contacts
        for each row execute function crm_contacts_search_trigger()`)

    // LIKE is not leakproof, so under RLS PostgreSQL filters every row of the agency
    // before trying the pattern and never uses the trigram index. This look-up runs
    // as the owner, so the index serves it, and returns ids of the current agency
    // only; the caller's own RLS still applies to the rows it then reads.
    this.schema.raw(`
      create or replace function crm_client_ids_matching(p_pattern text) returns setof uuid
        language sql stable security definer set search_path = public, pg_temp as $$
          select id from clients where agency_id = app_current_agency_id() and search_text like p_pattern
        $$`)

    this.schema.raw(`
      create table client_tags (
        agency_id uuid not null references agencies (id),
        client_id uuid not null,
        tag_id uuid not null,
        primary key (client_id, tag_id),
        foreign key (agency_id, client_id) references clients (agency_id, id) on delete cascade,
        foreign key (agency_id, tag_id) references tags (agency_id, id) on delete cascade
      )`)
    this.schema.raw('create index client_tags_tag_idx on client_tags (agency_id, tag_id, client_id)')
    for (const sql of protectTable('client_tags', 'select, insert, delete')) this.schema.raw(sql)
    this.schema.raw(policy('client_tags', 'read', 'select', { using: CLIENT_VISIBLE('client_tags') }))
    this.schema.raw(policy('client_tags', 'manage', 'all', { using: CRM_MANAGERS, check: CRM_MANAGERS }))

    this.schema.raw(`
      create table deal_stages (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        name text not null check (length(name) between 1 and 40),
        kind text not null check (kind in ('open', 'won', 'lost')),
        position integer not null,
        default_probability integer not null check (default_probability between 0 and 100),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id)
      )`)
    this.schema.raw(`create unique index deal_stages_one_won on deal_stages (agency_id) where kind = 'won'`)
    this.schema.raw(`create unique index deal_stages_one_lost on deal_stages (agency_id) where kind = 'lost'`)
    this.schema.raw('create unique index deal_stages_name_unique on deal_stages (agency_id, lower(name))')
    for (const sql of protectTable('deal_stages')) this.schema.raw(sql)
    this.schema.raw(policy('deal_stages', 'manage', 'all', { using: CRM_MANAGERS, check: CRM_MANAGERS }))

    // Every agency starts with the default pipeline (PRODUCT.md §2), however it was created.
    this.schema.raw(`
      create or replace function crm_default_stages(p_agency_id uuid) returns void
        language sql security definer set search_path = public, pg_temp as $$
          insert into deal_stages (agency_id, name, kind, position, default_probability) values
            (p_agency_id, 'Lead', 'open', 1, 10),
            (p_agency_id, 'Proposal', 'open', 2, 40),
            (p_agency_id, 'Negotiation', 'open', 3, 70),
            (p_agency_id, 'Won', 'won', 4, 100),
            (p_agency_id, 'Lost', 'lost', 5, 0)
        $$`)
    this.schema.raw(`
      create or replace function crm_agency_default_stages_trigger() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
          begin perform crm_default_stages(new.id); return null; end $$`)
    this.schema.raw(`
      create trigger agencies_default_stages after insert on agencies
        for each row execute function crm_agency_default_stages_trigger()`)
    this.schema.raw('select crm_default_stages(id) from agencies')

    this.schema.raw(`
      create table deals (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        -- null while the deal is with a prospect: winning it creates the client
        client_id uuid,
        prospect_company_name text check (length(prospect_company_name) between 1 and 160),
        prospect_contact_name text check (length(prospect_contact_name) <= 120),
        prospect_contact_email text check (length(prospect_contact_email) <= 254),
        stage_id uuid not null,
        position integer not null default 0,
        title text not null check (length(title) between 1 and 160),
        description text check (length(description) <= 10000),
        value_cents bigint not null check (value_cents >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        probability integer not null check (probability between 0 and 100),
        expected_close_date date,
        owner_user_id uuid,
        lost_reason text check (length(lost_reason) <= 1000),
        closed_at timestamptz,
        -- set once, when winning created the project (projects.source_deal_id points back)
        won_project_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (agency_id, id),
        check (client_id is not null or prospect_company_name is not null),
        foreign key (agency_id, client_id) references clients (agency_id, id),
        foreign key (agency_id, stage_id) references deal_stages (agency_id, id),
        foreign key (agency_id, owner_user_id) references users (agency_id, id)
      )`)
    this.schema.raw('create index deals_stage_idx on deals (agency_id, stage_id, position)')
    this.schema.raw('create index deals_client_idx on deals (agency_id, client_id)')
    this.schema.raw('create index deals_close_idx on deals (agency_id, expected_close_date)')
    this.schema.raw(
      `create index deals_search_trgm on deals using gin ((lower(title || ' ' || coalesce(prospect_company_name, ''))) gin_trgm_ops)`
    )
    for (const sql of protectTable('deals')) this.schema.raw(sql)
    this.schema.raw(policy('deals', 'manage', 'all', { using: CRM_MANAGERS, check: CRM_MANAGERS }))

    this.schema.raw(`
      create table client_activities (
        id uuid primary key default gen_random_uuid(),
        agency_id uuid not null references agencies (id),
        -- null only for a prospect deal's moves, until winning it creates the client
        client_id uuid,
        deal_id uuid,
        kind text not null check (kind ~ '^[a-z_]{1,40}$'),
        body text not null check (length(body) between 1 and 10000),
        metadata jsonb not null default '{}',
        actor_user_id uuid,
        occurred_at timestamptz not null default now(),
        created_at timestamptz not null default now(),
        unique (agency_id, id),
        check (client_id is not null or deal_id is not null),
        foreign key (agency_id, client_id) references clients (agency_id, id) on delete cascade,
        foreign key (agency_id, deal_id) references deals (agency_id, id) on delete set null (deal_id),
        foreign key (agency_id, actor_user_id) references users (agency_id, id)
      )`)
    this.schema.raw('create index client_activities_client_idx on client_activities (agency_id, client_id, occurred_at desc, id)')
    this.schema.raw('create index client_activities_deal_idx on client_activities (agency_id, deal_id)')
    for (const sql of protectTable('client_activities')) this.schema.raw(sql)
    this.schema.raw(policy('client_activities', 'read', 'select', { using: CLIENT_VISIBLE('client_activities') }))
    this.schema.raw(policy('client_activities', 'manage', 'all', { using: CRM_MANAGERS, check: CRM_MANAGERS }))
  }

  async down() {
    this.schema.raw('drop table if exists client_activities, deals, deal_stages, client_tags, contacts, clients, tags cascade')
    this.schema.raw('drop trigger if exists agencies_default_stages on agencies')
    this.schema.raw(
      'drop function if exists crm_client_ids_matching(text), crm_agency_default_stages_trigger(), crm_default_stages(uuid), crm_contacts_search_trigger(), crm_clients_search_trigger(), crm_client_search_text(uuid, text)'
    )
  }
}
