CREATE TABLE "api_tokens" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "name" text not null, "role" text not null check (role in ('admin','manager','staff')), "token_hash" text not null unique, "token_prefix" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "last_used_at" text, "revoked_at" text);

CREATE TABLE "audit_events" ("id" integer primary key autoincrement, "organization_id" integer references "organizations" ("id"), "actor_user_id" integer, "actor_token_id" integer, "action" text not null, "target_type" text, "target_id" text, "details" text not null, "created_at" text not null, "prev_hash" text not null, "hash" text not null unique);

CREATE TABLE "credential_intake_links" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "token_hash" text not null unique, "user_id" integer not null references "users" ("id") on delete cascade, "state" text not null, "environment" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "expires_at" text not null, "used_at" text, "revoked_at" text);

CREATE TABLE "credential_licenses" ("id" integer primary key autoincrement, "credential_id" integer not null references "credentials" ("id") on delete cascade, "license_id" integer not null references "licenses" ("id") on delete cascade, "organization_id" integer not null, "provider" text not null, "kind" text not null, constraint "credential_licenses_pair_unique" unique ("credential_id", "license_id"));

CREATE TABLE "credentials" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "provider" text default 'metrc' not null, "state" text not null, "environment" text not null check (environment in ('production','sandbox')), "kind" text not null check (kind in ('facility','user')), "owner_user_id" integer references "users" ("id") on delete cascade, "secret_ref" text not null unique, "sealed_key" text not null, "fingerprint" text not null, "status" text not null check (status in ('unverified','valid','invalid','expired')), "status_reason" text, "status_changed_at" text not null, "key_first_seen_at" text not null, "last_verified_at" text, "last_used_at" text, "verification_report" text, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "updated_at" text not null, constraint "credentials_owner_matches_kind" check ((kind = 'user' and owner_user_id is not null) or (kind = 'facility' and owner_user_id is null)));

CREATE TABLE "license_leases" ("license_id" integer primary key references "licenses" ("id") on delete cascade, "organization_id" integer not null, "lease_owner" text, "lease_token" integer default 0 not null, "lease_expires_at" text, "wake_at" text, "work_seq" integer default 0 not null, "paused_at" text, "pause_code" text, "pause_message" text, "pause_credential_id" integer, "updated_at" text not null);

CREATE TABLE "licenses" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "number" text not null, "state" text not null, "license_type" text not null, "name" text not null, "facility_type" text not null, "time_zone" text not null, "created_at" text not null, "updated_at" text not null, constraint "licenses_org_state_number_unique" unique ("organization_id", "state", "number"));

CREATE TABLE "memberships" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "user_id" integer not null references "users" ("id") on delete cascade, "role" text not null check (role in ('admin','manager','staff')), "created_at" text not null, "external_ref" text, constraint "memberships_org_user_unique" unique ("organization_id", "user_id"));

CREATE TABLE "organizations" ("id" integer primary key autoincrement, "name" text not null, "slug" text not null unique, "created_at" text not null);

CREATE TABLE "personal_key_policies" ("organization_id" integer not null references "organizations" ("id") on delete cascade, "state" text not null, "required" integer not null, "updated_at" text not null, constraint "personal_key_policies_pk" primary key ("organization_id", "state"));

CREATE TABLE "sessions" ("id" integer primary key autoincrement, "token_hash" text not null unique, "user_id" integer not null references "users" ("id") on delete cascade, "organization_id" integer not null references "organizations" ("id") on delete cascade, "created_at" text not null, "expires_at" text not null, "last_seen_at" text not null);

CREATE TABLE "submissions" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "license_id" integer not null references "licenses" ("id") on delete cascade, "kind" text not null, "payload" text not null, "reference" text not null, "touches" text not null, "actor_user_id" integer references "users" ("id") on delete set null, "actor_token_id" integer, "occurred_at" text not null, "status" text not null check (status in ('queued','held','sending','sent','failed','dismissed')), "hold_reason" text, "released_by_user_id" integer references "users" ("id") on delete set null, "released_at" text, "attempts" integer default 0 not null, "next_attempt_at" text not null, "last_error" text, "in_doubt" integer default 0 not null, "last_sent_at" text, "credential_id" integer references "credentials" ("id") on delete set null, "key_fingerprint" text, "attribution" text check (attribution in ('own','facility')), "metrc_ids" text, "metrc_answer" text, "created_at" text not null, "updated_at" text not null, "sent_at" text);

CREATE TABLE "users" ("id" integer primary key autoincrement, "email" text not null unique, "name" text not null, "password_hash" text not null, "is_platform_admin" integer default 0 not null, "must_change_password" integer default 0 not null, "created_at" text not null, "updated_at" text not null);

CREATE TABLE "vault_data_keys" ("key_id" text primary key, "ref" text not null, "master_key_version" integer not null, "wrapped_key" text not null, "created_at" text not null, "rewrapped_at" text);

CREATE TABLE "vault_key_checks" ("master_key_version" integer primary key, "check_value" text not null, "created_at" text not null, "retired_at" text);

CREATE TABLE "vendor_keys" ("id" integer primary key autoincrement, "state" text not null, "environment" text not null check (environment in ('production','sandbox')), "secret_ref" text not null unique, "sealed_key" text not null, "fingerprint" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "updated_at" text not null, constraint "vendor_keys_state_environment_unique" unique ("state", "environment"));

CREATE INDEX "api_tokens_org_idx" on "api_tokens" ("organization_id");

CREATE INDEX "audit_events_org_idx" on "audit_events" ("organization_id", "id");

CREATE UNIQUE INDEX credential_licenses_facility_unique
    on credential_licenses (license_id, provider) where kind = 'facility';

CREATE INDEX "credentials_org_idx" on "credentials" ("organization_id", "state");

CREATE UNIQUE INDEX credentials_user_state_unique
    on credentials (organization_id, provider, state, owner_user_id) where kind = 'user';

CREATE INDEX license_leases_due_idx on license_leases (wake_at)
    where wake_at is not null and paused_at is null;

CREATE UNIQUE INDEX memberships_external_ref_unique
    on memberships (organization_id, external_ref) where external_ref is not null;

CREATE INDEX "memberships_user_idx" on "memberships" ("user_id");

CREATE INDEX "sessions_user_idx" on "sessions" ("user_id");

CREATE INDEX submissions_aside_idx on submissions (license_id, id)
    where status in ('failed','held');

CREATE INDEX "submissions_org_idx" on "submissions" ("organization_id", "id");

CREATE INDEX submissions_pending_idx on submissions (license_id, id)
    where status in ('queued','sending');

CREATE INDEX "submissions_reference_idx" on "submissions" ("license_id", "reference");

CREATE INDEX submissions_unsent_idx on submissions (created_at)
    where status in ('queued','held','sending','failed');

CREATE INDEX submissions_unsent_org_idx on submissions (organization_id, license_id)
    where status in ('queued','held','sending','failed');

CREATE INDEX "vault_data_keys_ref_idx" on "vault_data_keys" ("ref");

CREATE INDEX "vault_data_keys_version_idx" on "vault_data_keys" ("master_key_version");

CREATE TRIGGER audit_events_no_delete before delete on audit_events
        begin select raise(abort, 'audit_events is append-only'); end;

CREATE TRIGGER audit_events_no_update before update on audit_events
        begin select raise(abort, 'audit_events is append-only'); end;
