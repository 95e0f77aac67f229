-- The admin's settings beyond the rules and the price book (which stay on orgs), and ingested usage.

-- Field mapping, schedule and channels of one org. Webhook URLs are secrets: they live sealed in
-- `secrets`, and `channels` only says whether one is configured.
create table org_settings (
  org_id text primary key references orgs (id) on delete cascade,
  field_mapping jsonb not null default '{}' check (jsonb_typeof(field_mapping) = 'object'),
  schedule jsonb not null default '{}' check (jsonb_typeof(schedule) = 'object'),
  channels jsonb not null default '{}' check (jsonb_typeof(channels) = 'object'),
  updated_at timestamptz not null default now(),
  updated_by text
);

-- One value per account, metric and day: re-posting a batch changes nothing, a later value replaces.
create table usage_points (
  org_id text not null references orgs (id) on delete cascade,
  -- The account's id in the CRM (Salesforce Account Id, HubSpot company id).
  account_external_id text not null check (account_external_id <> ''),
  metric text not null check (metric <> ''),
  kind text not null check (kind in ('seats_used', 'active_users', 'consumption', 'feature_adoption')),
  day date not null,
  value double precision not null check (value >= 0),
  feature text,
  premium boolean,
  received_at timestamptz not null default now(),
  -- Also the index of the reader: one org, some accounts, days since a date.
  primary key (org_id, account_external_id, metric, day)
);

alter table org_settings enable row level security;
alter table org_settings force row level security;
create policy org_settings_isolation on org_settings
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

alter table usage_points enable row level security;
alter table usage_points force row level security;
create policy usage_points_isolation on usage_points
  using (org_id = current_setting('ripe.org_id', true))
  with check (org_id = current_setting('ripe.org_id', true));

grant select, insert, update, delete on org_settings, usage_points to ripe_app;
