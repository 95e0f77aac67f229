-- The drain reads the outbox in pages, oldest first: a sequence orders the rows exactly (a timestamp read back
-- into JavaScript loses its microseconds, and rows staged in one transaction share it).
alter table writebacks add column seq bigint generated always as identity;
create index writebacks_pending_seq_idx on writebacks (org_id, seq) where status = 'pending';
