-- db-scheduler's execution table: one row per pending or running job execution (here: one per
-- deployment pipeline, task_name 'deployment-pipeline', task_instance the deployment id). The
-- columns are the ones db-scheduler 16 reads and writes; the types are chosen so the same file
-- runs on PostgreSQL 15 and on H2 2.x in PostgreSQL mode (no TIMESTAMPTZ, no TEXT, which H2
-- maps to CLOB). Times are written as UTC instants into zone-aware columns.
create table scheduled_tasks (
    task_name            varchar(100)             not null,
    task_instance        varchar(250)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    -- db-scheduler truncates the node name to 50 characters before writing it.
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    -- Unused while priority ordering is off; kept so the table matches db-scheduler's reference
    -- schema and a task type that needs priorities can be added without a migration.
    priority             smallint,
    primary key (task_name, task_instance)
);

-- Polling asks for due executions (execution_time <= now); dead-execution detection asks for
-- picked executions whose heartbeat is older than the limit.
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
