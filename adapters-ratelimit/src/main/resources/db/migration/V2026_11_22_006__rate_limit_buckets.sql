-- The accounts' token buckets when several nodes share one PostgreSQL database: one row per
-- account (its slug), holding bucket4j's serialised state, read and written under a row lock
-- (SELECT ... FOR UPDATE) by bucket4j's PostgreSQL proxy manager. Nodes take tokens in chunks
-- (see ConsumeRateLimitService), so an account's row is locked a few times a second, not once
-- per request. On the embedded database (one node) buckets live in memory and this table stays
-- empty; it is created there too so that both engines run one set of migrations.
create table rate_limit_buckets (
    id    varchar(39) primary key,
    state bytea
);
