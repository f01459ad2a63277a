-- Idempotency keys (CONTRACT §2.6): one row per (account, key). The primary key is what makes
-- concurrent requests with one key, on any number of nodes, end in exactly one claim: every
-- other insert fails on it. A row is 'in_flight' from the claim until the first request
-- succeeds ('completed', with its response) or fails (the row is deleted). Expired rows are
-- replaced by the next claim of their key. Same SQL on PostgreSQL 15 and H2 2.x in PostgreSQL mode.
create table idempotency_keys (
    account         varchar(39)   not null,
    idem_key        varchar(255)  not null,
    -- hex SHA-256 of method, path and body
    fingerprint     varchar(64)   not null,
    -- tells a claim from a later one that took over the key after it expired
    claim_id        varchar(40)   not null,
    state           varchar(16)   not null,
    response_status integer,
    content_type    varchar(255),
    location        varchar(2000),
    body            bytea,
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone,
    constraint idempotency_keys_pk primary key (account, idem_key)
);
-- for purging expired rows in bulk
create index idempotency_keys_created_idx on idempotency_keys (created_at);
