CREATE TABLE "api_tokens" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "name" text not null, "role" text not null check (role in ('admin','manager','staff')), "token_hash" text not null unique, "token_prefix" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "last_used_at" text, "revoked_at" text);

CREATE TABLE "audit_events" ("id" integer primary key autoincrement, "organization_id" integer references "organizations" ("id"), "actor_user_id" integer, "actor_token_id" integer, "action" text not null, "target_type" text, "target_id" text, "details" text not null, "created_at" text not null, "prev_hash" text not null, "hash" text not null unique);

CREATE TABLE "licenses" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "number" text not null, "state" text not null, "license_type" text not null, "name" text not null, "facility_type" text not null, "time_zone" text not null, "created_at" text not null, "updated_at" text not null, constraint "licenses_org_state_number_unique" unique ("organization_id", "state", "number"));

CREATE TABLE "memberships" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "user_id" integer not null references "users" ("id") on delete cascade, "role" text not null check (role in ('admin','manager','staff')), "created_at" text not null, constraint "memberships_org_user_unique" unique ("organization_id", "user_id"));

CREATE TABLE "organizations" ("id" integer primary key autoincrement, "name" text not null, "slug" text not null unique, "created_at" text not null);

CREATE TABLE "sessions" ("id" integer primary key autoincrement, "token_hash" text not null unique, "user_id" integer not null references "users" ("id") on delete cascade, "organization_id" integer not null references "organizations" ("id") on delete cascade, "created_at" text not null, "expires_at" text not null, "last_seen_at" text not null);

CREATE TABLE "users" ("id" integer primary key autoincrement, "email" text not null unique, "name" text not null, "password_hash" text not null, "is_platform_admin" integer default 0 not null, "must_change_password" integer default 0 not null, "created_at" text not null, "updated_at" text not null);

CREATE TABLE "vault_data_keys" ("key_id" text primary key, "ref" text not null, "master_key_version" integer not null, "wrapped_key" text not null, "created_at" text not null, "rewrapped_at" text);

CREATE TABLE "vault_key_checks" ("master_key_version" integer primary key, "check_value" text not null, "created_at" text not null, "retired_at" text);

CREATE INDEX "api_tokens_org_idx" on "api_tokens" ("organization_id");

CREATE INDEX "audit_events_org_idx" on "audit_events" ("organization_id", "id");

CREATE INDEX "memberships_user_idx" on "memberships" ("user_id");

CREATE INDEX "sessions_user_idx" on "sessions" ("user_id");

CREATE INDEX "vault_data_keys_ref_idx" on "vault_data_keys" ("ref");

CREATE INDEX "vault_data_keys_version_idx" on "vault_data_keys" ("master_key_version");

CREATE TRIGGER audit_events_no_delete before delete on audit_events
        begin select raise(abort, 'audit_events is append-only'); end;

CREATE TRIGGER audit_events_no_update before update on audit_events
        begin select raise(abort, 'audit_events is append-only'); end;
