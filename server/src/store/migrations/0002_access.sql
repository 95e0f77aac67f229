-- Members and API keys, and the one narrow path that must work before any org is known: looking an
-- API key up by its id. Members and keys are org rows like any other (RLS enabled and forced, ripe_app
-- sees one org). Authentication cannot name an org yet, so it goes through security definer functions
-- owned by `ripe_directory`: a nologin role that no application role is a member of, that may read only
-- the few columns those functions return, and whose policies let it see every org's rows. ripe_app can
-- execute `ripe_authenticate` and `ripe_find_org`; only the owner (operators' CLI) can list every org.

create table members (
  org_id text not null references orgs (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  email text not null check (email <> ''),
  name text not null,
  role text not null check (role in ('admin', 'manager', 'member')),
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
create unique index members_email_key on members (org_id, lower(email));

create table api_keys (
  org_id text not null,
  id uuid not null default gen_random_uuid(),
  member_id uuid not null,
  name text not null,
  -- The start of the key (`ripe_1b2c3d4e`), so a person can tell their keys apart; nothing secret.
  prefix text not null,
  -- sha-256 of the key's 32 random bytes: the key itself is shown once and never stored.
  hash bytea not null check (length(hash) = 32),
  scopes text[] not null check (cardinality(scopes) > 0 and scopes <@ array['read', 'write', 'admin']),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (org_id, id),
  -- A member who leaves takes their keys along.
  foreign key (org_id, member_id) references members (org_id, id) on delete cascade
);
-- Authentication finds a key by id alone.
create unique index api_keys_id_key on api_keys (id);
create index api_keys_member_idx on api_keys (org_id, member_id);

alter table members enable row level security;
alter table members force row level security;
create policy members_isolation on members
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table api_keys enable row level security;
alter table api_keys force row level security;
create policy api_keys_isolation on api_keys
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

grant select, insert, update, delete on members to ripe_app;
-- The application role never reads a hash back: authentication compares it after ripe_authenticate.
grant select (org_id, id, member_id, name, prefix, scopes, created_at, last_used_at, revoked_at)
  on api_keys to ripe_app;
grant insert (org_id, id, member_id, name, prefix, hash, scopes) on api_keys to ripe_app;
grant update (name, last_used_at, revoked_at) on api_keys to ripe_app;
grant delete on api_keys to ripe_app;

-- The directory role: cluster-wide, so created the same careful way as ripe_app.
do $$
begin
  if not exists (select from pg_roles where rolname = 'ripe_directory') then
    create role ripe_directory nologin nobypassrls;
  end if;
exception
  when duplicate_object or unique_violation then null;
end
$$;

-- The migrating role hands the functions to ripe_directory, which needs membership.
do $$
begin
  if not pg_has_role(current_user, 'ripe_directory', 'member') then
    execute format('grant ripe_directory to %I', current_user);
  end if;
exception
  when duplicate_object or unique_violation then null;
end
$$;

grant usage on schema public to ripe_directory;
grant select (org_id, id, member_id, hash, scopes, revoked_at) on api_keys to ripe_directory;
grant select (org_id, id, role) on members to ripe_directory;
grant select (id, name, crm, external_id, created_at) on orgs to ripe_directory;
create policy api_keys_directory on api_keys for select to ripe_directory using (true);
create policy members_directory on members for select to ripe_directory using (true);
create policy orgs_directory on orgs for select to ripe_directory using (true);

-- What authentication needs about one key, and nothing else: no name, no email, no other key.
create function ripe_authenticate(p_key_id uuid)
returns table (org_id text, member_id uuid, role text, scopes text[], hash bytea, revoked boolean)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select k.org_id, k.member_id, m.role, k.scopes, k.hash, k.revoked_at is not null
  from public.api_keys k
  join public.members m on m.org_id = k.org_id and m.id = k.member_id
  where k.id = p_key_id
$$;

-- The Ripe org of a CRM instance (Salesforce org id / HubSpot portal id), for inbound calls that name it.
create function ripe_find_org(p_crm text, p_external_id text)
returns text
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select o.id from public.orgs o where o.crm = p_crm and o.external_id = p_external_id
$$;

-- Every org, for operators: not granted to the application role.
create function ripe_list_orgs()
returns table (id text, name text, crm text, external_id text, created_at timestamptz)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select o.id, o.name, o.crm, o.external_id, o.created_at from public.orgs o order by o.created_at, o.id
$$;

-- A new owner needs CREATE on the schema; ripe_directory keeps it only while it takes the functions.
grant create on schema public to ripe_directory;
alter function ripe_authenticate(uuid) owner to ripe_directory;
alter function ripe_find_org(text, text) owner to ripe_directory;
alter function ripe_list_orgs() owner to ripe_directory;
revoke create on schema public from ripe_directory;

revoke all on function ripe_authenticate(uuid) from public;
revoke all on function ripe_find_org(text, text) from public;
revoke all on function ripe_list_orgs() from public;
grant execute on function ripe_authenticate(uuid) to ripe_app;
grant execute on function ripe_find_org(text, text) to ripe_app;
