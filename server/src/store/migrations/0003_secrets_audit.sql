-- Secrets at rest (envelope encryption) and the append-only audit log.

-- Each org's data keys, stored only wrapped (AES-256-GCM) by a master key from the environment. The
-- highest unretired version encrypts new secrets; older versions stay readable until a rotation has
-- re-encrypted every secret that uses them, then they are marked retired.
create table org_data_keys (
  org_id text not null references orgs (id) on delete cascade,
  key_version integer not null check (key_version > 0),
  -- Which master key wrapped it: a master key rotation re-wraps the rows that name another one.
  master_key_id text not null check (master_key_id <> ''),
  -- `v1:<masterKeyId>:<iv>:<tag>:<ciphertext>`, AAD bound to the org and the version.
  wrapped_key text not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz,
  primary key (org_id, key_version)
);
create index org_data_keys_master_key_idx on org_data_keys (master_key_id);

create table secrets (
  org_id text not null references orgs (id) on delete cascade,
  -- e.g. `salesforce.refresh_token`, `webhooks.signing_secret`
  name text not null check (name ~ '^[a-z0-9][a-z0-9_.:-]{0,199}$'),
  -- `v1:<dataKeyVersion>:<iv>:<tag>:<ciphertext>`, AAD bound to the org and the name.
  ciphertext text not null,
  data_key_version integer not null,
  updated_at timestamptz not null default now(),
  primary key (org_id, name),
  foreign key (org_id, data_key_version) references org_data_keys (org_id, key_version)
);
create index secrets_data_key_version_idx on secrets (org_id, data_key_version);

alter table org_data_keys enable row level security;
alter table org_data_keys force row level security;
create policy org_data_keys_isolation on org_data_keys
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));
-- A master key rotation must find every org whose keys name an old master key. Only the owner
-- connection (the one that migrates) may, and only when it says so; ripe_app never sees across orgs.
create policy org_data_keys_master_rotation on org_data_keys
  for select
  to current_user
  using (current_setting('ripe.key_maintenance', true) = 'on');

alter table secrets enable row level security;
alter table secrets force row level security;
create policy secrets_isolation on secrets
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

-- Who changed what. Append-only: ripe_app may only insert and read, and a trigger refuses updates
-- and deletes for every role, except the deletion of a whole org (see data-rights/delete-org.ts).
create table audit_log (
  org_id text not null references orgs (id) on delete cascade,
  id bigint generated always as identity,
  at timestamptz not null default now(),
  -- A member id, `system` or `cli`.
  actor text not null check (actor <> ''),
  action text not null check (action ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)+$'),
  target text,
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  primary key (org_id, id)
);
create index audit_log_recent_idx on audit_log (org_id, id desc);

create function audit_log_append_only() returns trigger
language plpgsql as $$
begin
  -- Nested: OLD is null in the statement-level TRUNCATE trigger.
  if tg_op = 'DELETE' then
    if old.org_id = current_setting('ripe.deleting_org', true) then
      return old;
    end if;
  end if;
  raise exception 'audit_log is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only
  before update or delete on audit_log
  for each row execute function audit_log_append_only();

create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_append_only();

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_isolation on audit_log
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

grant select, insert, update on org_data_keys to ripe_app;
grant select, insert, update, delete on secrets to ripe_app;
grant select, insert on audit_log to ripe_app;
