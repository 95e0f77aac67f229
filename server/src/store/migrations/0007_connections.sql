-- Each org's connection to its CRM, where its incremental syncs stand, and the OAuth install flow.
-- Tokens are not kept here: they live sealed in `secrets` (`crm.access_token`, `crm.refresh_token`).

-- A connection names the org's CRM kind: it can never disagree with `orgs.crm`.
alter table orgs add constraint orgs_id_crm_key unique (id, crm);

create table connections (
  org_id text primary key,
  crm text not null check (crm in ('salesforce', 'hubspot', 'sandbox')),
  -- Salesforce instance URL or HubSpot portal id, once authorised.
  instance text check (instance <> ''),
  -- Per CRM kind: the sandbox generator's {accounts, seed, latencyMs}; what a connector needs otherwise.
  settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
  scopes text[] not null default '{}',
  status text not null check (status in ('connected', 'expired', 'revoked', 'error')),
  -- What an admin reads when the connection does not work, and what to do about it.
  status_reason text check (status = 'connected' or status_reason is not null),
  token_expires_at timestamptz,
  connected_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (org_id, crm) references orgs (id, crm) on delete cascade
);

-- Where the last committed batch of a sync stopped, per CRM object: the next night resumes after it.
create table sync_cursors (
  org_id text not null references connections (org_id) on delete cascade,
  object text not null check (object ~ '^[a-z][a-z0-9_]{0,62}$'),
  -- {modifiedAt, id}, or null for "from the beginning".
  cursor jsonb check (cursor is null or jsonb_typeof(cursor) = 'object'),
  updated_at timestamptz not null default now(),
  primary key (org_id, object)
);

-- One row per authorisation started by an admin. The state itself (32 random bytes, base64url) goes to
-- the CRM and back; only its sha-256 is stored. Single use, short-lived.
create table oauth_states (
  org_id text not null,
  state_hash bytea not null check (length(state_hash) = 32),
  member_id uuid not null,
  crm text not null check (crm in ('salesforce', 'hubspot')),
  -- The redirect URI sent to the CRM: the code exchange must repeat it exactly.
  redirect_uri text not null check (redirect_uri <> ''),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (org_id, state_hash),
  -- A member who leaves takes their pending authorisations along.
  foreign key (org_id, member_id) references members (org_id, id) on delete cascade
);
-- The callback finds a state by its hash alone.
create unique index oauth_states_hash_key on oauth_states (state_hash);
create index oauth_states_expiry_idx on oauth_states (org_id, expires_at);

-- Existing orgs: the sandbox settings move from `orgs.sandbox` to the connection. A CRM org has no token
-- yet. The owner migrates; RLS is forced on orgs, so it is lifted for this one statement's transaction.
alter table orgs no force row level security;
insert into connections (org_id, crm, settings, status, status_reason)
select o.id, o.crm,
       case when o.crm = 'sandbox' then o.sandbox else '{}'::jsonb end,
       case when o.crm = 'sandbox' then 'connected' else 'error' end,
       case when o.crm = 'sandbox' then null else 'Not connected yet: an admin authorises Ripe in the CRM' end
from orgs o;
alter table orgs force row level security;
alter table orgs drop column sandbox;

alter table connections enable row level security;
alter table connections force row level security;
create policy connections_isolation on connections
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table sync_cursors enable row level security;
alter table sync_cursors force row level security;
create policy sync_cursors_isolation on sync_cursors
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table oauth_states enable row level security;
alter table oauth_states force row level security;
create policy oauth_states_isolation on oauth_states
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

grant select, insert, update, delete on connections, sync_cursors to ripe_app;
-- Like API keys: the application writes a state's hash and never reads it back.
grant select (org_id, member_id, crm, redirect_uri, created_at, expires_at, used_at) on oauth_states to ripe_app;
grant insert (org_id, state_hash, member_id, crm, redirect_uri, expires_at) on oauth_states to ripe_app;
grant delete on oauth_states to ripe_app;

-- The callback knows a state, not an org: like `ripe_authenticate`, a security definer function owned by
-- ripe_directory consumes it by its hash and says whose it was. Consumption is one UPDATE: of two
-- callbacks with the same state, the second finds it used.
grant select (org_id, state_hash, member_id, crm, redirect_uri, expires_at, used_at) on oauth_states
  to ripe_directory;
grant update (used_at) on oauth_states to ripe_directory;
create policy oauth_states_directory_select on oauth_states for select to ripe_directory using (true);
create policy oauth_states_directory_update on oauth_states for update to ripe_directory
  using (used_at is null) with check (used_at is not null);

create function ripe_consume_oauth_state(p_state_hash bytea)
returns table (org_id text, member_id uuid, role text, crm text, redirect_uri text, expires_at timestamptz)
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with consumed as (
    update public.oauth_states s set used_at = now()
    where s.state_hash = p_state_hash and s.used_at is null
    returning s.org_id, s.member_id, s.crm, s.redirect_uri, s.expires_at
  )
  select c.org_id, c.member_id, m.role, c.crm, c.redirect_uri, c.expires_at
  from consumed c
  join public.members m on m.org_id = c.org_id and m.id = c.member_id
$$;

grant create on schema public to ripe_directory;
alter function ripe_consume_oauth_state(bytea) owner to ripe_directory;
revoke create on schema public from ripe_directory;

revoke all on function ripe_consume_oauth_state(bytea) from public;
grant execute on function ripe_consume_oauth_state(bytea) to ripe_app;
