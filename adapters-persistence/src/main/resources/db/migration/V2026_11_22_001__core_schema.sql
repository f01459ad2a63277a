-- The platform's core tables. One text for H2 (MODE=PostgreSQL) and PostgreSQL 15:
-- varchar(n) rather than text (H2 would make a CLOB of it), timestamp with time zone
-- rather than timestamptz, no partial indexes, no ON CONFLICT, no RETURNING.
--
-- Enum values: status columns hold the Java constant name (QUEUED, ACTIVE, READY ...);
-- everything that has a wire name (plan, scope, environment, strategy, log level) holds it.
-- Sets are comma-separated lists of such values; the empty set is the empty string.
-- Names that are unique regardless of case are stored twice: as given (name) and
-- lower-cased (name_key), and the unique index is on the key.
--
-- Aggregates refer to each other by id without foreign keys, as they do in the domain
-- (a deployment's rolled_back_to may name a deployment deleted since). The one foreign key
-- ties log lines to their deployment, so deleting a deployment removes its log with it.

create table accounts (
    slug                  varchar(39)  not null,
    plan                  varchar(20)  not null,
    rate_limit_per_minute integer,
    rate_limit_burst      integer,
    public_key            varchar(64)  not null,
    created_at            timestamp with time zone not null,
    version               bigint       not null,
    constraint accounts_pk primary key (slug)
);
create unique index accounts_public_key_uq on accounts (public_key);

create table api_keys (
    id           varchar(32)    not null,
    account      varchar(39)    not null,
    name         varchar(100)   not null,
    secret_hash  varchar(64)    not null,
    last_four    varchar(4)     not null,
    scopes       varchar(200)   not null,
    projects     varchar(16000) not null,
    environments varchar(200)   not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    created_at   timestamp with time zone not null,
    constraint api_keys_pk primary key (id)
);
create unique index api_keys_secret_hash_uq on api_keys (secret_hash);

create table repositories (
    id             varchar(32)   not null,
    owner          varchar(39)   not null,
    name           varchar(30)   not null,
    name_key       varchar(30)   not null,
    is_private     boolean       not null,
    description    varchar(1000),
    default_branch varchar(255)  not null,
    status         varchar(20)   not null,
    created_at     timestamp with time zone not null,
    constraint repositories_pk primary key (id)
);
create unique index repositories_owner_name_uq on repositories (owner, name_key);
create index repositories_owner_newest_idx on repositories (owner, created_at, id);

create table projects (
    id                         varchar(32)   not null,
    account                    varchar(39)   not null,
    name                       varchar(30)   not null,
    name_key                   varchar(30)   not null,
    site_label                 varchar(30)   not null,
    framework                  varchar(50),
    repository_id              varchar(32)   not null,
    build_command              varchar(4000),
    output_directory           varchar(255),
    status                     varchar(20)   not null,
    created_at                 timestamp with time zone not null,
    last_deploy_at             timestamp with time zone,
    live_production_deployment varchar(32),
    version                    bigint        not null,
    constraint projects_pk primary key (id)
);
create unique index projects_account_name_uq on projects (account, name_key);
create index projects_account_newest_idx on projects (account, created_at, id);
-- the site alias (http://<site_label>.<hosting-domain>) belongs to the oldest project with that label in any account
create index projects_alias_idx on projects (site_label, created_at, id);
create index projects_repository_idx on projects (repository_id, created_at, id);

create table deployments (
    id             varchar(32)     not null,
    account        varchar(39)     not null,
    project_id     varchar(32)     not null,
    repository_id  varchar(32)     not null,
    branch         varchar(255)    not null,
    commit_sha     varchar(40)     not null,
    environment    varchar(20)     not null,
    strategy       varchar(20)     not null,
    auto_rollback  boolean         not null,
    -- a JSON object of strings; null when there are none. Requests are at most 1 MiB, so
    -- 4 Mi characters hold any set of variables a caller can send.
    env_vars       varchar(4194304),
    status         varchar(20)     not null,
    progress       integer         not null,
    created_at     timestamp with time zone not null,
    started_at     timestamp with time zone,
    completed_at   timestamp with time zone,
    cancelled_by   varchar(100),
    cancelled_at   timestamp with time zone,
    failure_reason varchar(9000),
    rolled_back_to varchar(32),
    -- how many log lines the deployment has: appenders reserve sequence numbers by raising
    -- it, and the row lock that takes serialises them. It is not part of the optimistic
    -- lock (version), so writing logs never makes a status change fail.
    log_count      bigint          default 0 not null,
    version        bigint          not null,
    constraint deployments_pk primary key (id)
);
create index deployments_account_newest_idx on deployments (account, created_at, id);
-- a project reports "building" while one of its deployments is queued, building or deploying
create index deployments_project_status_idx on deployments (project_id, status);

create table deployment_log_lines (
    deployment_id varchar(32)   not null,
    seq           bigint        not null,
    ts            timestamp with time zone not null,
    level         varchar(10)   not null,
    -- a message is cut at 8192 characters plus a short "[line truncated]" marker
    message       varchar(9000) not null,
    constraint deployment_log_lines_pk primary key (deployment_id, seq),
    constraint deployment_log_lines_deployment_fk foreign key (deployment_id)
        references deployments (id) on delete cascade
);
