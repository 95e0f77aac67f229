-- Requests HubSpot signed (X-HubSpot-Signature-v3) that the backend already served: a captured request
-- replayed within its five minutes of validity is refused. Keyed by a hash of the signature, not the
-- signature; kept ten minutes (twice the validity) and purged as new ones are claimed. Not an org's data:
-- the signature is checked before any org is known, through `ripe_claim_hubspot_signature` only.
create table hubspot_signatures_seen (
  signature_hash bytea primary key,
  seen_at timestamptz not null default now()
);
create index hubspot_signatures_seen_at_idx on hubspot_signatures_seen (seen_at);

grant select, insert, delete on hubspot_signatures_seen to ripe_directory;
-- Row security like every table; only the directory role (through the function below) sees any row.
alter table hubspot_signatures_seen enable row level security;
alter table hubspot_signatures_seen force row level security;
create policy hubspot_signatures_directory on hubspot_signatures_seen to ripe_directory
  using (true) with check (true);

-- True when this signature had not been seen (the request may proceed), false for a replay.
create function ripe_claim_hubspot_signature(p_signature_hash bytea)
returns boolean
language sql volatile security definer
set search_path = pg_catalog, public
as $$
  with purged as (
    delete from public.hubspot_signatures_seen where seen_at < now() - interval '10 minutes'
  ),
  claimed as (
    insert into public.hubspot_signatures_seen (signature_hash) values (p_signature_hash)
    on conflict (signature_hash) do nothing
    returning 1
  )
  select exists (select from claimed)
$$;

grant create on schema public to ripe_directory;
alter function ripe_claim_hubspot_signature(bytea) owner to ripe_directory;
revoke create on schema public from ripe_directory;

revoke all on function ripe_claim_hubspot_signature(bytea) from public;
grant execute on function ripe_claim_hubspot_signature(bytea) to ripe_app;
