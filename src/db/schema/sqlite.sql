CREATE TABLE "alert_deliveries" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "alert_id" integer not null references "alerts" ("id") on delete cascade, "event" text not null check (event in ('raised','resolved')), "channel" text not null check (channel in ('email','webhook')), "target" text not null, "endpoint_id" integer references "webhook_endpoints" ("id") on delete cascade, "message_id" text not null unique, "status" text not null check (status in ('pending','delivered','failed')), "attempts" integer default 0 not null, "next_attempt_at" text, "last_error" text, "created_at" text not null, "delivered_at" text, constraint "alert_deliveries_once" unique ("alert_id", "event", "channel", "target"));

CREATE TABLE "alert_delivery_attempts" ("id" integer primary key autoincrement, "delivery_id" integer not null references "alert_deliveries" ("id") on delete cascade, "organization_id" integer not null, "attempt" integer not null, "attempted_at" text not null, "outcome" text not null check (outcome in ('delivered','failed')), "status_code" integer, "error" text, "duration_ms" integer not null);

CREATE TABLE "alert_preferences" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "role" text not null check (role in ('admin','manager','staff')), "kind" text not null, "console" integer not null, "email" integer not null, "on_resolve" integer not null, "updated_at" text not null, constraint "alert_preferences_unique" unique ("organization_id", "role", "kind"));

CREATE TABLE "alerts" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "kind" text not null, "subject_key" text not null, "license_id" integer references "licenses" ("id") on delete set null, "severity" text not null check (severity in ('info','warning','critical')), "title" text not null, "details" text not null, "status" text not null check (status in ('open','resolved')), "raised_at" text not null, "last_seen_at" text not null, "resolved_at" text, "acknowledged_at" text, "acknowledged_by_user_id" integer references "users" ("id") on delete set null);

CREATE TABLE "api_tokens" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "name" text not null, "role" text not null check (role in ('admin','manager','staff')), "token_hash" text not null unique, "token_prefix" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "last_used_at" text, "revoked_at" text);

CREATE TABLE "audit_events" ("id" integer primary key autoincrement, "organization_id" integer references "organizations" ("id"), "actor_user_id" integer, "actor_token_id" integer, "action" text not null, "target_type" text, "target_id" text, "details" text not null, "created_at" text not null, "prev_hash" text not null, "hash" text not null unique, "chain_seq" integer);

CREATE TABLE "credential_intake_links" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "token_hash" text not null unique, "user_id" integer not null references "users" ("id") on delete cascade, "state" text not null, "environment" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "expires_at" text not null, "used_at" text, "revoked_at" text, "failed_attempts" integer default 0 not null);

CREATE TABLE "credential_licenses" ("id" integer primary key autoincrement, "credential_id" integer not null references "credentials" ("id") on delete cascade, "license_id" integer not null references "licenses" ("id") on delete cascade, "organization_id" integer not null, "provider" text not null, "kind" text not null, constraint "credential_licenses_pair_unique" unique ("credential_id", "license_id"));

CREATE TABLE "credentials" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "provider" text default 'metrc' not null, "state" text not null, "environment" text not null check (environment in ('production','sandbox')), "kind" text not null check (kind in ('facility','user')), "owner_user_id" integer references "users" ("id") on delete cascade, "secret_ref" text not null unique, "sealed_key" text not null, "fingerprint" text not null, "status" text not null check (status in ('unverified','valid','invalid','expired')), "status_reason" text, "status_changed_at" text not null, "key_first_seen_at" text not null, "last_verified_at" text, "last_used_at" text, "verification_report" text, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "updated_at" text not null, "key_hash" text, constraint "credentials_owner_matches_kind" check ((kind = 'user' and owner_user_id is not null) or (kind = 'facility' and owner_user_id is null)));

CREATE TABLE "idempotency_keys" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "principal" text not null, "idempotency_key" text not null, "request_hash" text not null, "status" text not null check (status in ('in_progress','completed')), "response_status" integer, "response_type" text, "response_body" text, "response_withheld" integer default 0 not null, "locked_at" text not null, "created_at" text not null, "expires_at" text not null, constraint "idempotency_keys_scope_unique" unique ("organization_id", "principal", "idempotency_key"));

CREATE TABLE "insight_cohorts" ("id" integer primary key autoincrement, "metric" text not null, "group_key" text not null, "organization_ids" text not null, "published_at" text not null, constraint "insight_cohorts_unique" unique ("metric", "group_key"));

CREATE TABLE "insight_opt_ins" ("id" integer primary key autoincrement, "organization_id" integer not null unique references "organizations" ("id") on delete cascade, "opted_in" integer not null, "changed_at" text not null, "changed_by_user_id" integer references "users" ("id") on delete set null);

CREATE TABLE "job_leases" ("name" text primary key, "owner" text not null, "token" integer not null, "acquired_at" text not null, "expires_at" text not null);

CREATE TABLE "license_leases" ("license_id" integer primary key references "licenses" ("id") on delete cascade, "organization_id" integer not null, "lease_owner" text, "lease_token" integer default 0 not null, "lease_expires_at" text, "wake_at" text, "work_seq" integer default 0 not null, "paused_at" text, "pause_code" text, "pause_message" text, "pause_credential_id" integer, "updated_at" text not null, "in_flight" text);

CREATE TABLE "licenses" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "number" text not null, "state" text not null, "license_type" text not null, "name" text not null, "facility_type" text not null, "time_zone" text not null, "created_at" text not null, "updated_at" text not null, constraint "licenses_org_state_number_unique" unique ("organization_id", "state", "number"));

CREATE TABLE "login_throttle" ("throttle_key" text primary key, "attempts" integer not null, "window_ends_at" text not null);

CREATE TABLE "memberships" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "user_id" integer not null references "users" ("id") on delete cascade, "role" text not null check (role in ('admin','manager','staff')), "created_at" text not null, "external_ref" text, constraint "memberships_org_user_unique" unique ("organization_id", "user_id"));

CREATE TABLE "mirror_packages" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "license_id" integer not null references "licenses" ("id") on delete cascade, "metrc_id" integer not null, "label" text not null, "status" text not null check (status in ('active','onhold','inactive','intransit')), "item_id" integer, "item_name" text, "item_category" text, "location_id" integer, "location_name" text, "quantity" real, "unit" text, "expiration_date" text, "use_by_date" text, "lab_testing_state" text, "packaged_date" text, "last_modified" text not null, "raw" text not null, "synced_at" text not null, constraint "mirror_packages_license_metrc_unique" unique ("license_id", "metrc_id"));

CREATE TABLE "mirror_records" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "license_id" integer not null references "licenses" ("id") on delete cascade, "kind" text not null, "metrc_id" text not null, "status" text not null, "label" text, "last_modified" text, "raw" text not null, "synced_at" text not null, constraint "mirror_records_unique" unique ("license_id", "kind", "metrc_id"));

CREATE TABLE "organizations" ("id" integer primary key autoincrement, "name" text not null, "slug" text not null unique, "created_at" text not null);

CREATE TABLE "personal_key_policies" ("organization_id" integer not null references "organizations" ("id") on delete cascade, "state" text not null, "required" integer not null, "updated_at" text not null, constraint "personal_key_policies_pk" primary key ("organization_id", "state"));

CREATE TABLE "routing_versions" ("scope" integer primary key, "seq" integer not null);

CREATE TABLE "sessions" ("id" integer primary key autoincrement, "token_hash" text not null unique, "user_id" integer not null references "users" ("id") on delete cascade, "organization_id" integer not null references "organizations" ("id") on delete cascade, "created_at" text not null, "expires_at" text not null, "last_seen_at" text not null);

CREATE TABLE "submission_packages" ("submission_id" integer not null references "submissions" ("id") on delete cascade, "organization_id" integer not null references "organizations" ("id") on delete cascade, "label" text not null, constraint "submission_packages_pk" primary key ("submission_id", "label"));

CREATE TABLE "submissions" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "license_id" integer not null references "licenses" ("id") on delete cascade, "kind" text not null, "payload" text not null, "reference" text not null, "touches" text not null, "actor_user_id" integer references "users" ("id") on delete set null, "actor_token_id" integer, "occurred_at" text not null, "status" text not null check (status in ('queued','held','sending','sent','failed','dismissed')), "hold_reason" text, "released_by_user_id" integer references "users" ("id") on delete set null, "released_at" text, "attempts" integer default 0 not null, "next_attempt_at" text not null, "last_error" text, "in_doubt" integer default 0 not null, "last_sent_at" text, "credential_id" integer references "credentials" ("id") on delete set null, "key_fingerprint" text, "attribution" text check (attribution in ('own','facility')), "metrc_ids" text, "metrc_answer" text, "created_at" text not null, "updated_at" text not null, "sent_at" text);

CREATE TABLE "sync_checkpoints" ("id" integer primary key autoincrement, "license_id" integer not null references "licenses" ("id") on delete cascade, "resource" text not null, "watermark" text, "window_start" text, "window_end" text, "window_page" integer default 0 not null, "backfill_from" text, "backfill_done_at" text, "records_stored" integer default 0 not null, "rejected" integer default 0 not null, "pages_fetched" integer default 0 not null, "status" text default 'idle' not null check (status in ('idle','running','error','paused')), "last_run_at" text, "last_success_at" text, "last_error_code" text, "updated_at" text not null, constraint "sync_checkpoints_license_resource_unique" unique ("license_id", "resource"));

CREATE TABLE "sync_gaps" ("id" integer primary key autoincrement, "license_id" integer not null references "licenses" ("id") on delete cascade, "resource" text not null, "window_start" text not null, "window_end" text not null, "metrc_total" integer not null, "local_before" integer not null, "local_after" integer not null, "healed" integer not null, "detected_at" text not null);

CREATE TABLE "sync_leases" ("license_id" integer primary key references "licenses" ("id") on delete cascade, "holder" text, "fencing_token" integer default 0 not null, "expires_at_ms" bigint default 0 not null, "paused_at" text, "paused_reason" text, "refresh_requested_at" text, "refresh_resource" text);

CREATE TABLE "sync_rejects" ("id" integer primary key autoincrement, "license_id" integer not null references "licenses" ("id") on delete cascade, "resource" text not null, "metrc_id" text, "error" text not null, "raw" text not null, "seen_at" text not null);

CREATE TABLE "sync_windows" ("id" integer primary key autoincrement, "license_id" integer not null references "licenses" ("id") on delete cascade, "resource" text not null, "window_start" text not null, "window_end" text not null, "metrc_total" integer not null, "checked_at" text not null, constraint "sync_windows_unique" unique ("license_id", "resource", "window_start", "window_end"));

CREATE TABLE "users" ("id" integer primary key autoincrement, "email" text not null unique, "name" text not null, "password_hash" text not null, "is_platform_admin" integer default 0 not null, "must_change_password" integer default 0 not null, "created_at" text not null, "updated_at" text not null);

CREATE TABLE "vault_data_keys" ("key_id" text primary key, "ref" text not null, "master_key_version" integer not null, "wrapped_key" text not null, "created_at" text not null, "rewrapped_at" text);

CREATE TABLE "vault_key_checks" ("master_key_version" integer primary key, "check_value" text not null, "created_at" text not null, "retired_at" text);

CREATE TABLE "vendor_keys" ("id" integer primary key autoincrement, "state" text not null, "environment" text not null check (environment in ('production','sandbox')), "secret_ref" text not null unique, "sealed_key" text not null, "fingerprint" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "updated_at" text not null, constraint "vendor_keys_state_environment_unique" unique ("state", "environment"));

CREATE TABLE "webhook_endpoints" ("id" integer primary key autoincrement, "organization_id" integer not null references "organizations" ("id") on delete cascade, "url" text not null, "description" text not null, "kinds" text not null, "on_resolve" integer not null, "enabled" integer not null, "secret_ref" text not null unique, "sealed_secret" text not null, "secret_fingerprint" text not null, "created_by_user_id" integer references "users" ("id") on delete set null, "created_at" text not null, "updated_at" text not null);

CREATE INDEX "alert_deliveries_due_idx" on "alert_deliveries" ("status", "next_attempt_at");

CREATE INDEX "alert_delivery_attempts_delivery_idx" on "alert_delivery_attempts" ("delivery_id", "attempt");

CREATE UNIQUE INDEX alerts_open_subject_unique
    on alerts (organization_id, kind, subject_key) where status = 'open';

CREATE INDEX "alerts_org_status_idx" on "alerts" ("organization_id", "status", "raised_at");

CREATE INDEX "api_tokens_org_idx" on "api_tokens" ("organization_id");

CREATE UNIQUE INDEX audit_events_chain_seq_unique
    on audit_events ((coalesce(organization_id, 0)), chain_seq) where chain_seq is not null;

CREATE INDEX "audit_events_org_idx" on "audit_events" ("organization_id", "id");

CREATE UNIQUE INDEX credential_licenses_facility_unique
    on credential_licenses (license_id, provider) where kind = 'facility';

CREATE UNIQUE INDEX credentials_facility_key_unique
    on credentials (organization_id, provider, state, environment, key_hash)
    where kind = 'facility';

CREATE INDEX "credentials_org_idx" on "credentials" ("organization_id", "state");

CREATE UNIQUE INDEX credentials_user_key_unique
    on credentials (provider, state, environment, key_hash) where kind = 'user';

CREATE UNIQUE INDEX credentials_user_state_unique
    on credentials (organization_id, provider, state, owner_user_id) where kind = 'user';

CREATE INDEX "idempotency_keys_expires_idx" on "idempotency_keys" ("expires_at");

CREATE INDEX license_leases_due_idx on license_leases (wake_at)
    where wake_at is not null and paused_at is null;

CREATE UNIQUE INDEX licenses_org_state_number_ci_unique
    on licenses (organization_id, state, upper(number));

CREATE INDEX "login_throttle_window_idx" on "login_throttle" ("window_ends_at");

CREATE UNIQUE INDEX memberships_external_ref_unique
    on memberships (organization_id, external_ref) where external_ref is not null;

CREATE INDEX "memberships_user_idx" on "memberships" ("user_id");

CREATE INDEX "mirror_packages_lab_idx" on "mirror_packages" ("organization_id", "lab_testing_state");

CREATE INDEX "mirror_packages_label_idx" on "mirror_packages" ("license_id", "label");

CREATE INDEX "mirror_packages_org_expiry_idx" on "mirror_packages" ("organization_id", "expiration_date");

CREATE INDEX "mirror_packages_org_synced_idx" on "mirror_packages" ("organization_id", "synced_at");

CREATE INDEX "mirror_packages_status_idx" on "mirror_packages" ("license_id", "status", "last_modified");

CREATE INDEX "mirror_records_kind_idx" on "mirror_records" ("license_id", "kind", "status", "last_modified");

CREATE INDEX "sessions_user_idx" on "sessions" ("user_id");

CREATE INDEX "submission_packages_label_idx" on "submission_packages" ("organization_id", "label");

CREATE INDEX submissions_aside_idx on submissions (license_id, id)
    where status in ('failed','held');

CREATE INDEX "submissions_org_idx" on "submissions" ("organization_id", "id");

CREATE INDEX submissions_org_sent_idx on submissions (organization_id, last_sent_at)
    where last_sent_at is not null;

CREATE INDEX submissions_pending_idx on submissions (license_id, id)
    where status in ('queued','sending');

CREATE INDEX "submissions_reference_idx" on "submissions" ("license_id", "reference");

CREATE INDEX submissions_unsent_license_idx on submissions (license_id, created_at)
    where status in ('queued','held','sending','failed');

CREATE INDEX "sync_gaps_license_idx" on "sync_gaps" ("license_id", "detected_at");

CREATE INDEX "sync_rejects_license_idx" on "sync_rejects" ("license_id", "resource");

CREATE INDEX "vault_data_keys_ref_idx" on "vault_data_keys" ("ref");

CREATE INDEX "vault_data_keys_version_idx" on "vault_data_keys" ("master_key_version");

CREATE TRIGGER audit_events_no_delete before delete on audit_events
        begin select raise(abort, 'audit_events is append-only'); end;

CREATE TRIGGER audit_events_no_update before update on audit_events
        begin select raise(abort, 'audit_events is append-only'); end;

CREATE TRIGGER credential_licenses_routing_version_delete
          after delete on "credential_licenses"
        begin
          insert into routing_versions (scope, seq) values (old.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER credential_licenses_routing_version_insert
          after insert on "credential_licenses"
        begin
          insert into routing_versions (scope, seq) values (new.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER credential_licenses_routing_version_update
          after update of credential_id, license_id, organization_id, provider, kind on "credential_licenses"
        begin
          insert into routing_versions (scope, seq) values (new.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER credentials_routing_version_delete
          after delete on "credentials"
        begin
          insert into routing_versions (scope, seq) values (old.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER credentials_routing_version_insert
          after insert on "credentials"
        begin
          insert into routing_versions (scope, seq) values (new.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER credentials_routing_version_update
          after update of organization_id, state, environment, kind, owner_user_id, secret_ref, sealed_key, fingerprint, status on "credentials"
        begin
          insert into routing_versions (scope, seq) values (new.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER personal_key_policies_routing_version_delete
          after delete on "personal_key_policies"
        begin
          insert into routing_versions (scope, seq) values (old.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER personal_key_policies_routing_version_insert
          after insert on "personal_key_policies"
        begin
          insert into routing_versions (scope, seq) values (new.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER personal_key_policies_routing_version_update
          after update of organization_id, state, required on "personal_key_policies"
        begin
          insert into routing_versions (scope, seq) values (new.organization_id, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER vendor_keys_routing_version_delete
          after delete on "vendor_keys"
        begin
          insert into routing_versions (scope, seq) values (0, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER vendor_keys_routing_version_insert
          after insert on "vendor_keys"
        begin
          insert into routing_versions (scope, seq) values (0, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;

CREATE TRIGGER vendor_keys_routing_version_update
          after update of state, environment, secret_ref, sealed_key, fingerprint on "vendor_keys"
        begin
          insert into routing_versions (scope, seq) values (0, 1)
            on conflict (scope) do update set seq = seq + 1;
        end;
