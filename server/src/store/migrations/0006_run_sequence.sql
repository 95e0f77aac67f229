-- Two runs started in the same clock tick (PGlite's clock is coarse) tie on started_at, and a random
-- uuid does not say which came first: a sequence number orders runs as they were started.
alter table runs add column started_seq bigint generated always as identity;
drop index runs_recent_idx;
create index runs_recent_idx on runs (org_id, started_at desc, started_seq desc);
