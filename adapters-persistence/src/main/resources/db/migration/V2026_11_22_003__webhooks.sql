-- Webhook subscriptions, the outbox of events they are told about, and the deliveries (one
-- series of attempts each) of those events. Written in the transaction of the state change
-- that raises an event; delivered by db-scheduler jobs (task 'webhook-delivery', instance = the
-- delivery id). Same SQL on PostgreSQL 15 and H2 2.x in PostgreSQL mode.
create table webhooks (
    id              varchar(32)   not null,
    account         varchar(39)   not null,
    url             varchar(2000) not null,
    -- comma-separated event wire names
    events          varchar(500)  not null,
    api_version     varchar(8)    not null,
    -- whsec_ + base64 of 32 bytes; kept in plain text because every delivery is signed with it
    secret          varchar(100)  not null,
    status          varchar(16)   not null,
    disabled_reason varchar(500),
    created_at      timestamp with time zone not null,
    constraint webhooks_pk primary key (id)
);
-- lists, newest first, in keyset pages
create index webhooks_account_newest_idx on webhooks (account, created_at, id);
-- every deployment state change that raises events asks for the account's active subscriptions
create index webhooks_account_status_idx on webhooks (account, status);

-- An event and the snapshot of the deployment it is about, taken when the event was recorded.
create table webhook_events (
    id                    varchar(32)  not null,
    event_type            varchar(40)  not null,
    account               varchar(39)  not null,
    deployment_id         varchar(32)  not null,
    seq                   bigint       not null,
    occurred_at           timestamp with time zone not null,
    project_id            varchar(32)  not null,
    project_name          varchar(100) not null,
    environment           varchar(20)  not null,
    branch                varchar(255) not null,
    commit_sha            varchar(40)  not null,
    deployment_status     varchar(20)  not null,
    auto_rollback         boolean      not null,
    url                   varchar(500) not null,
    deployment_created_at timestamp with time zone not null,
    started_at            timestamp with time zone,
    completed_at          timestamp with time zone,
    rolled_back_to        varchar(32),
    duration_ms           bigint,
    constraint webhook_events_pk primary key (id)
);
create index webhook_events_deployment_idx on webhook_events (deployment_id, seq);

create table webhook_deliveries (
    id            varchar(32) not null,
    account       varchar(39) not null,
    webhook_id    varchar(32) not null,
    event_id      varchar(32) not null,
    event_type    varchar(40) not null,
    status        varchar(16) not null,
    redelivery_of varchar(32),
    created_at    timestamp with time zone not null,
    constraint webhook_deliveries_pk primary key (id),
    constraint webhook_deliveries_webhook_fk foreign key (webhook_id) references webhooks (id) on delete cascade,
    constraint webhook_deliveries_event_fk foreign key (event_id) references webhook_events (id)
);
create index webhook_deliveries_webhook_newest_idx on webhook_deliveries (webhook_id, created_at, id);
create index webhook_deliveries_webhook_status_idx on webhook_deliveries (webhook_id, status);
create index webhook_deliveries_event_idx on webhook_deliveries (event_id);

create table webhook_delivery_attempts (
    delivery_id    varchar(32)  not null,
    attempt_number integer      not null,
    attempted_at   timestamp with time zone not null,
    http_status    integer,
    error          varchar(500),
    latency_ms     bigint       not null,
    constraint webhook_delivery_attempts_pk primary key (delivery_id, attempt_number),
    constraint webhook_delivery_attempts_delivery_fk foreign key (delivery_id)
        references webhook_deliveries (id) on delete cascade
);
