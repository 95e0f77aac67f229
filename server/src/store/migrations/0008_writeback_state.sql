-- The write-back engine: what each CRM last confirmed per account, so that a night writes only what changed
-- since then; the human-owned values as pulled, so that a change made in the CRM becomes feedback; where a
-- night's pull stands (the run's sync cursor), so that a resumed or budget-stopped night goes on from there.

create table written_state (
  org_id text not null references orgs (id) on delete cascade,
  account_id text not null,
  -- {fields, task, episode, opportunities, humanStatus, lastHistoryId}: see writeback/written-state.ts.
  state jsonb not null check (jsonb_typeof(state) = 'object'),
  updated_at timestamptz not null default now(),
  primary key (org_id, account_id)
);

create table crm_human_values (
  org_id text not null references orgs (id) on delete cascade,
  account_id text not null,
  status text,
  adjusted_potential double precision,
  rejection_reason text,
  snoozed_until date,
  changed_by text,
  changed_at timestamptz,
  pulled_at timestamptz not null default now(),
  primary key (org_id, account_id)
);

-- Feedback may now come from the CRM (a status set on the record) as well as from the API.
alter table feedback add column source text not null default 'api' check (source in ('api', 'crm'));
alter table feedback drop constraint if exists feedback_kind_check;
alter table feedback add constraint feedback_kind_check
  check (kind in ('approve', 'adjust', 'reject', 'snooze', 'won', 'lost'));

-- The run's position in the CRM's change order: where it started and the last committed batch's end.
alter table night_checkpoints add column start_cursor jsonb;
alter table night_checkpoints add column cursor jsonb;
-- API calls and the floor, by direction and kind; where a budget-stopped night stopped.
alter table runs add column api_usage jsonb not null default '{}';

-- A write-back is retried a few times; 'superseded' when a later night's row for the account replaced it.
alter table writebacks drop constraint if exists writebacks_status_check;
alter table writebacks add constraint writebacks_status_check
  check (status in ('pending', 'done', 'failed', 'skipped', 'superseded'));

alter table written_state enable row level security;
alter table written_state force row level security;
create policy written_state_isolation on written_state
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table crm_human_values enable row level security;
alter table crm_human_values force row level security;
create policy crm_human_values_isolation on crm_human_values
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

grant select, insert, update, delete on written_state, crm_human_values to ripe_app;
