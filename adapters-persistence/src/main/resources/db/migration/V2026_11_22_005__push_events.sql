-- Push events (repo.push, repository.pushed): an event is about a deployment or about one ref
-- a push moved. The deployment columns become optional (set exactly for deployment events), and
-- the push columns are set exactly for push events, whose sequence grows per repository.
alter table webhook_events alter column deployment_id drop not null;
alter table webhook_events alter column project_id drop not null;
alter table webhook_events alter column project_name drop not null;
alter table webhook_events alter column environment drop not null;
alter table webhook_events alter column branch drop not null;
alter table webhook_events alter column commit_sha drop not null;
alter table webhook_events alter column deployment_status drop not null;
alter table webhook_events alter column auto_rollback drop not null;
alter table webhook_events alter column url drop not null;
alter table webhook_events alter column deployment_created_at drop not null;
alter table webhook_events add column repository_id varchar(32);
alter table webhook_events add column full_name varchar(100);
-- git allows long ref names; the push adapter refuses nothing by length, so keep room
alter table webhook_events add column ref_name varchar(1000);
alter table webhook_events add column before_sha varchar(64);
alter table webhook_events add column after_sha varchar(64);
alter table webhook_events add column pushed_by varchar(64);
create index webhook_events_repository_idx on webhook_events (repository_id, seq);
