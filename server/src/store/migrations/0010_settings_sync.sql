-- How nights use the CRM's API (the share of the daily allowance a night may spend): `{}` is the defaults.
alter table org_settings add column sync jsonb not null default '{}' check (jsonb_typeof(sync) = 'object');
