-- Nights that resume after a crash, scheduled nights run once per org and local date, and the outbox of
-- write-backs the CRM connectors drain.

-- The sandbox generator standing in for a CRM on `crm = 'sandbox'` orgs: {accounts, seed, latencyMs}.
alter table orgs add column sandbox jsonb not null default '{}' check (jsonb_typeof(sandbox) = 'object');

-- A scheduled night names the org's local date it belongs to; on-demand runs leave it null.
alter table runs add column night_date date;
-- At most one live run per org and night: a second planner, worker or retry finds it instead of starting
-- another. A failed night leaves room for a new attempt.
create unique index runs_one_per_night_key on runs (org_id, night_date)
  where night_date is not null and status <> 'failed';

-- Where a run stands. Updated in the same transaction as each batch's verdicts, so a resumed run skips
-- exactly the batches that committed. The lease says which process drives the run; a batch commits only
-- while its process holds the lease, so a process presumed dead can never write after its successor.
create table night_checkpoints (
  org_id text not null,
  run_id uuid not null,
  as_of date not null,
  batch_size integer not null check (batch_size > 0),
  batches_committed integer not null default 0 check (batches_committed >= 0),
  -- Id of the last record of the last committed batch: a resumed source must agree with it.
  last_account_id text,
  -- Running totals of the committed batches (counts, readiness, money, phase durations).
  tally jsonb not null default '{}',
  resumes integer not null default 0,
  lease_owner text,
  lease_expires_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (org_id, run_id),
  foreign key (org_id, run_id) references runs (org_id, id) on delete cascade
);
create index night_checkpoints_lease_idx on night_checkpoints (lease_expires_at) where lease_owner is not null;

-- The outbox of CRM writes, unique per (run, account): a replayed batch finds its rows and cannot add a
-- second write. Connectors drain the pending rows.
create table writebacks (
  org_id text not null,
  run_id uuid not null,
  account_id text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'done', 'failed', 'skipped')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (run_id, account_id),
  foreign key (org_id, run_id) references runs (org_id, id) on delete cascade
);
create index writebacks_pending_idx on writebacks (org_id, created_at) where status = 'pending';

alter table night_checkpoints enable row level security;
alter table night_checkpoints force row level security;
create policy night_checkpoints_isolation on night_checkpoints
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table writebacks enable row level security;
alter table writebacks force row level security;
create policy writebacks_isolation on writebacks
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

grant select, insert, update, delete on night_checkpoints, writebacks to ripe_app;

-- The scheduler must find its work before it can name an org: which orgs exist, which nights started,
-- which runs lost their process. It goes through security definer functions owned by `ripe_scheduler`,
-- a nologin role that may read only those few columns; they return ids and dates, no org data.
do $$
begin
  if not exists (select from pg_roles where rolname = 'ripe_scheduler') then
    create role ripe_scheduler nologin nobypassrls;
  end if;
exception
  when duplicate_object or unique_violation then null;
end
$$;

do $$
begin
  if not pg_has_role(current_user, 'ripe_scheduler', 'member') then
    execute format('grant ripe_scheduler to %I', current_user);
  end if;
exception
  when duplicate_object or unique_violation then null;
end
$$;

grant usage on schema public to ripe_scheduler;
grant select (id, crm) on orgs to ripe_scheduler;
grant select (org_id, id, status, night_date) on runs to ripe_scheduler;
grant select (org_id, run_id, lease_owner, lease_expires_at) on night_checkpoints to ripe_scheduler;
create policy orgs_scheduler on orgs for select to ripe_scheduler using (true);
create policy runs_scheduler on runs for select to ripe_scheduler using (true);
create policy night_checkpoints_scheduler on night_checkpoints for select to ripe_scheduler using (true);

-- Every org and its CRM kind, for the planner.
create function ripe_night_orgs()
returns table (org_id text, crm text)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select o.id, o.crm from public.orgs o order by o.id
$$;

-- Nights already started (whatever their outcome) since a date, so the planner skips them.
create function ripe_nights_started(p_since date)
returns table (org_id text, night_date date)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select distinct r.org_id, r.night_date from public.runs r
  where r.night_date is not null and r.night_date >= p_since
$$;

-- Running runs whose process stopped renewing its lease: a worker resumes them from their checkpoint.
create function ripe_stale_night_runs()
returns table (org_id text, run_id uuid, lease_expires_at timestamptz)
language sql stable security definer
set search_path = pg_catalog, public
as $$
  select c.org_id, c.run_id, c.lease_expires_at
  from public.night_checkpoints c
  join public.runs r on r.org_id = c.org_id and r.id = c.run_id
  where r.status = 'running' and c.lease_owner is not null and c.lease_expires_at < now()
  order by c.lease_expires_at
$$;

grant create on schema public to ripe_scheduler;
alter function ripe_night_orgs() owner to ripe_scheduler;
alter function ripe_nights_started(date) owner to ripe_scheduler;
alter function ripe_stale_night_runs() owner to ripe_scheduler;
revoke create on schema public from ripe_scheduler;

revoke all on function ripe_night_orgs() from public;
revoke all on function ripe_nights_started(date) from public;
revoke all on function ripe_stale_night_runs() from public;
grant execute on function ripe_night_orgs() to ripe_app;
grant execute on function ripe_nights_started(date) to ripe_app;
grant execute on function ripe_stale_night_runs() to ripe_app;
