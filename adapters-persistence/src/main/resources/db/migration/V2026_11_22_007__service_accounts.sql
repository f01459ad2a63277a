-- Service accounts (CONTRACT §4 /v2/service-accounts) and the platform's access-token signing
-- key. Same SQL on PostgreSQL 15 and H2 2.x in PostgreSQL mode (see the core schema's notes).

-- A service account's client secret is kept only as its SHA-256 (hex), like an API key's.
-- Scopes and project restrictions are comma-separated wire names and ids, as in api_keys.
-- Deleting a service account deletes its row: its id never returns, so tokens naming it fail.
create table service_accounts (
    id          varchar(32)    not null,
    account     varchar(39)    not null,
    name        varchar(100)   not null,
    client_id   varchar(32)    not null,
    secret_hash varchar(64)    not null,
    scopes      varchar(200)   not null,
    projects    varchar(16000) not null,
    created_at  timestamp with time zone not null,
    constraint service_accounts_pk primary key (id)
);
create unique index service_accounts_client_id_uq on service_accounts (client_id);
create unique index service_accounts_secret_hash_uq on service_accounts (secret_hash);
create index service_accounts_account_newest_idx on service_accounts (account, created_at, id);

-- One row, the key every node signs and verifies access tokens with (base64 of 32 random
-- bytes). The first node that needs a key inserts it; the primary key makes every other
-- node's insert fail, and they read the winner's. Anyone who can read this table can mint
-- tokens: it is as sensitive as the database itself (configure dotgit.oauth.signing-key to
-- keep it elsewhere).
create table token_signing_keys (
    purpose    varchar(32)  not null,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null,
    constraint token_signing_keys_pk primary key (purpose)
);
