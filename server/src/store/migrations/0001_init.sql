-- Ripe's first schema. Every table carries its org, and row-level security is enabled and forced
-- from the start: the application role `ripe_app` sees only the org named by the transaction's
-- `ripe.org_id` setting (see org-scope.ts). The owner connection only migrates and provisions.

-- Roles are cluster-wide: another database or process may be creating it at this very moment.
do $$
begin
  if not exists (select from pg_roles where rolname = 'ripe_app') then
    create role ripe_app nologin nobypassrls;
  end if;
exception
  when duplicate_object or unique_violation then null;
end
$$;

-- The migrating role switches to ripe_app for every org-scoped transaction (a superuser always can).
do $$
begin
  if not pg_has_role(current_user, 'ripe_app', 'member') then
    execute format('grant ripe_app to %I', current_user);
  end if;
exception
  when duplicate_object or unique_violation then null;
end
$$;

create table orgs (
  id text primary key check (id <> ''),
  name text not null,
  crm text not null check (crm in ('salesforce', 'hubspot', 'sandbox')),
  -- Salesforce org id or HubSpot portal id: one CRM org connects to one Ripe org.
  external_id text,
  config jsonb not null default '{}',
  price_book jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index orgs_crm_external_id_key on orgs (crm, external_id) where external_id is not null;

create table runs (
  org_id text not null references orgs (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  dry_run boolean not null default false,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  counts jsonb not null default '{"accounts": 0, "scored": 0, "ready": 0, "errors": 0}',
  durations jsonb not null default '{}',
  api_calls integer not null default 0,
  api_call_limit integer,
  tokens integer not null default 0,
  failure_reason text,
  primary key (org_id, id)
);
create index runs_recent_idx on runs (org_id, started_at desc);

create table run_errors (
  org_id text not null,
  run_id uuid not null,
  id uuid not null default gen_random_uuid(),
  record text not null,
  record_id text not null,
  field text not null,
  message text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, run_id, id),
  foreign key (org_id, run_id) references runs (org_id, id) on delete cascade
);

-- One row per account per run: the history behind trends and backtests.
create table verdicts (
  org_id text not null,
  run_id uuid not null,
  account_id text not null,
  as_of date not null,
  readiness text not null check (readiness in ('ready', 'nurture', 'caution', 'not_ready')),
  score double precision not null,
  probability double precision not null,
  expected_value double precision not null,
  motion text check (motion in ('seat_upsell', 'tier_upgrade', 'cross_sell', 'usage_commit')),
  verdict jsonb not null,
  -- Lets the agent skip a model call when the evidence did not change.
  evidence_hash text not null,
  created_at timestamptz not null default now(),
  -- A retried batch of the same run replaces its rows instead of duplicating them.
  primary key (org_id, run_id, account_id),
  foreign key (org_id, run_id) references runs (org_id, id) on delete cascade
);
create index verdicts_account_history_idx on verdicts (org_id, account_id, as_of desc);

-- The latest verdict per account, and the one before it for "what changed since the last run".
create table account_states (
  org_id text not null references orgs (id) on delete cascade,
  account_id text not null,
  last_run_id uuid not null,
  as_of date not null,
  readiness text not null check (readiness in ('ready', 'nurture', 'caution', 'not_ready')),
  score double precision not null,
  probability double precision not null,
  expected_value double precision not null,
  motion text check (motion in ('seat_upsell', 'tier_upgrade', 'cross_sell', 'usage_commit')),
  verdict jsonb not null,
  evidence_hash text not null,
  previous_run_id uuid,
  previous_readiness text,
  previous_score double precision,
  updated_at timestamptz not null default now(),
  primary key (org_id, account_id)
);
create index account_states_ranking_idx on account_states (org_id, readiness, expected_value desc);

create table feedback (
  org_id text not null references orgs (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  account_id text not null,
  kind text not null check (kind in ('approve', 'adjust', 'reject', 'snooze')),
  adjusted_potential double precision check (kind <> 'adjust' or adjusted_potential is not null),
  reason text check (kind <> 'reject' or reason is not null),
  snoozed_until date check (kind <> 'snooze' or snoozed_until is not null),
  actor text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
create index feedback_account_idx on feedback (org_id, account_id, created_at desc);

create table models (
  org_id text not null references orgs (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  trained_at timestamptz not null,
  model jsonb not null,
  metrics jsonb not null default '{}',
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
create index models_latest_idx on models (org_id, trained_at desc);

-- Forced, so that even the tables' owner sees nothing without an org.
alter table orgs enable row level security;
alter table orgs force row level security;
create policy orgs_isolation on orgs
  using (id = current_setting('ripe.org_id', true))
  with check (id = current_setting('ripe.org_id', true));

alter table runs enable row level security;
alter table runs force row level security;
create policy runs_isolation on runs
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table run_errors enable row level security;
alter table run_errors force row level security;
create policy run_errors_isolation on run_errors
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table verdicts enable row level security;
alter table verdicts force row level security;
create policy verdicts_isolation on verdicts
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table account_states enable row level security;
alter table account_states force row level security;
create policy account_states_isolation on account_states
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table feedback enable row level security;
alter table feedback force row level security;
create policy feedback_isolation on feedback
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table models enable row level security;
alter table models force row level security;
create policy models_isolation on models
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

-- Data only: ripe_app can neither change the schema nor read schema_migrations.
grant usage on schema public to ripe_app;
grant select, insert, update, delete
  on orgs, runs, run_errors, verdicts, account_states, feedback, models
  to ripe_app;
