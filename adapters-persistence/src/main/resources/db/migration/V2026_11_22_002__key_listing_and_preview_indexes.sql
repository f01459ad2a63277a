-- v3 lists an account's keys newest first in keyset pages
create index api_keys_account_newest_idx on api_keys (account, created_at, id);
-- v2's preview list: the newest preview deployment of each branch of a repository
create index deployments_repository_branch_newest_idx on deployments (repository_id, environment, branch, created_at, id);
