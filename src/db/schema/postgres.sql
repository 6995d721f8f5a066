table alert_deliveries
  columns:
    id integer not null default nextval('alert_deliveries_id_seq'::regclass)
    organization_id integer not null
    alert_id integer not null
    event text not null
    channel text not null
    target text not null
    endpoint_id integer
    message_id text not null
    status text not null
    attempts integer not null default 0
    next_attempt_at text
    last_error text
    created_at text not null
    delivered_at text
  constraints:
    alert_deliveries_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES alerts(id) ON DELETE CASCADE
    alert_deliveries_channel_check CHECK ((channel = ANY (ARRAY['email'::text, 'webhook'::text])))
    alert_deliveries_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints(id) ON DELETE CASCADE
    alert_deliveries_event_check CHECK ((event = ANY (ARRAY['raised'::text, 'resolved'::text])))
    alert_deliveries_message_id_key UNIQUE (message_id)
    alert_deliveries_once UNIQUE (alert_id, event, channel, target)
    alert_deliveries_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    alert_deliveries_pkey PRIMARY KEY (id)
    alert_deliveries_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'delivered'::text, 'failed'::text])))
  indexes:
    CREATE INDEX alert_deliveries_due_idx ON public.alert_deliveries USING btree (status, next_attempt_at)
    CREATE UNIQUE INDEX alert_deliveries_message_id_key ON public.alert_deliveries USING btree (message_id)
    CREATE UNIQUE INDEX alert_deliveries_once ON public.alert_deliveries USING btree (alert_id, event, channel, target)
    CREATE UNIQUE INDEX alert_deliveries_pkey ON public.alert_deliveries USING btree (id)

table alert_delivery_attempts
  columns:
    id integer not null default nextval('alert_delivery_attempts_id_seq'::regclass)
    delivery_id integer not null
    organization_id integer not null
    attempt integer not null
    attempted_at text not null
    outcome text not null
    status_code integer
    error text
    duration_ms integer not null
  constraints:
    alert_delivery_attempts_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES alert_deliveries(id) ON DELETE CASCADE
    alert_delivery_attempts_outcome_check CHECK ((outcome = ANY (ARRAY['delivered'::text, 'failed'::text])))
    alert_delivery_attempts_pkey PRIMARY KEY (id)
  indexes:
    CREATE INDEX alert_delivery_attempts_delivery_idx ON public.alert_delivery_attempts USING btree (delivery_id, attempt)
    CREATE UNIQUE INDEX alert_delivery_attempts_pkey ON public.alert_delivery_attempts USING btree (id)

table alert_preferences
  columns:
    id integer not null default nextval('alert_preferences_id_seq'::regclass)
    organization_id integer not null
    role text not null
    kind text not null
    console integer not null
    email integer not null
    on_resolve integer not null
    updated_at text not null
  constraints:
    alert_preferences_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    alert_preferences_pkey PRIMARY KEY (id)
    alert_preferences_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'manager'::text, 'staff'::text])))
    alert_preferences_unique UNIQUE (organization_id, role, kind)
  indexes:
    CREATE UNIQUE INDEX alert_preferences_pkey ON public.alert_preferences USING btree (id)
    CREATE UNIQUE INDEX alert_preferences_unique ON public.alert_preferences USING btree (organization_id, role, kind)

table alerts
  columns:
    id integer not null default nextval('alerts_id_seq'::regclass)
    organization_id integer not null
    kind text not null
    subject_key text not null
    license_id integer
    severity text not null
    title text not null
    details text not null
    status text not null
    raised_at text not null
    last_seen_at text not null
    resolved_at text
    acknowledged_at text
    acknowledged_by_user_id integer
  constraints:
    alerts_acknowledged_by_user_id_fkey FOREIGN KEY (acknowledged_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    alerts_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE SET NULL
    alerts_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    alerts_pkey PRIMARY KEY (id)
    alerts_severity_check CHECK ((severity = ANY (ARRAY['info'::text, 'warning'::text, 'critical'::text])))
    alerts_status_check CHECK ((status = ANY (ARRAY['open'::text, 'resolved'::text])))
  indexes:
    CREATE UNIQUE INDEX alerts_open_subject_unique ON public.alerts USING btree (organization_id, kind, subject_key) WHERE (status = 'open'::text)
    CREATE INDEX alerts_org_status_idx ON public.alerts USING btree (organization_id, status, raised_at)
    CREATE UNIQUE INDEX alerts_pkey ON public.alerts USING btree (id)

table api_tokens
  columns:
    id integer not null default nextval('api_tokens_id_seq'::regclass)
    organization_id integer not null
    name text not null
    role text not null
    token_hash text not null
    token_prefix text not null
    created_by_user_id integer
    created_at text not null
    last_used_at text
    revoked_at text
  constraints:
    api_tokens_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    api_tokens_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    api_tokens_pkey PRIMARY KEY (id)
    api_tokens_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'manager'::text, 'staff'::text])))
    api_tokens_token_hash_key UNIQUE (token_hash)
  indexes:
    CREATE INDEX api_tokens_org_idx ON public.api_tokens USING btree (organization_id)
    CREATE UNIQUE INDEX api_tokens_pkey ON public.api_tokens USING btree (id)
    CREATE UNIQUE INDEX api_tokens_token_hash_key ON public.api_tokens USING btree (token_hash)

table audit_events
  columns:
    id integer not null default nextval('audit_events_id_seq'::regclass)
    organization_id integer
    actor_user_id integer
    actor_token_id integer
    action text not null
    target_type text
    target_id text
    details text not null
    created_at text not null
    prev_hash text not null
    hash text not null
    chain_seq integer
  constraints:
    audit_events_hash_key UNIQUE (hash)
    audit_events_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id)
    audit_events_pkey PRIMARY KEY (id)
  indexes:
    CREATE UNIQUE INDEX audit_events_chain_seq_unique ON public.audit_events USING btree (COALESCE(organization_id, 0), chain_seq) WHERE (chain_seq IS NOT NULL)
    CREATE UNIQUE INDEX audit_events_hash_key ON public.audit_events USING btree (hash)
    CREATE INDEX audit_events_org_idx ON public.audit_events USING btree (organization_id, id)
    CREATE UNIQUE INDEX audit_events_pkey ON public.audit_events USING btree (id)
  triggers:
    audit_events_append_only BEFORE DELETE or UPDATE EXECUTE FUNCTION audit_events_append_only()

table credential_intake_links
  columns:
    id integer not null default nextval('credential_intake_links_id_seq'::regclass)
    organization_id integer not null
    token_hash text not null
    user_id integer not null
    state text not null
    environment text not null
    created_by_user_id integer
    created_at text not null
    expires_at text not null
    used_at text
    revoked_at text
    failed_attempts integer not null default 0
  constraints:
    credential_intake_links_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    credential_intake_links_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    credential_intake_links_pkey PRIMARY KEY (id)
    credential_intake_links_token_hash_key UNIQUE (token_hash)
    credential_intake_links_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
  indexes:
    CREATE UNIQUE INDEX credential_intake_links_pkey ON public.credential_intake_links USING btree (id)
    CREATE UNIQUE INDEX credential_intake_links_token_hash_key ON public.credential_intake_links USING btree (token_hash)

table credential_licenses
  columns:
    id integer not null default nextval('credential_licenses_id_seq'::regclass)
    credential_id integer not null
    license_id integer not null
    organization_id integer not null
    provider text not null
    kind text not null
  constraints:
    credential_licenses_credential_id_fkey FOREIGN KEY (credential_id) REFERENCES credentials(id) ON DELETE CASCADE
    credential_licenses_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    credential_licenses_pair_unique UNIQUE (credential_id, license_id)
    credential_licenses_pkey PRIMARY KEY (id)
  indexes:
    CREATE UNIQUE INDEX credential_licenses_facility_unique ON public.credential_licenses USING btree (license_id, provider) WHERE (kind = 'facility'::text)
    CREATE UNIQUE INDEX credential_licenses_pair_unique ON public.credential_licenses USING btree (credential_id, license_id)
    CREATE UNIQUE INDEX credential_licenses_pkey ON public.credential_licenses USING btree (id)
  triggers:
    credential_licenses_routing_version AFTER DELETE or INSERT or UPDATE EXECUTE FUNCTION bump_routing_version('organization')

table credentials
  columns:
    id integer not null default nextval('credentials_id_seq'::regclass)
    organization_id integer not null
    provider text not null default 'metrc'::text
    state text not null
    environment text not null
    kind text not null
    owner_user_id integer
    secret_ref text not null
    sealed_key text not null
    fingerprint text not null
    status text not null
    status_reason text
    status_changed_at text not null
    key_first_seen_at text not null
    last_verified_at text
    last_used_at text
    verification_report text
    created_by_user_id integer
    created_at text not null
    updated_at text not null
    key_hash text
  constraints:
    credentials_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    credentials_environment_check CHECK ((environment = ANY (ARRAY['production'::text, 'sandbox'::text])))
    credentials_kind_check CHECK ((kind = ANY (ARRAY['facility'::text, 'user'::text])))
    credentials_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    credentials_owner_matches_kind CHECK ((((kind = 'user'::text) AND (owner_user_id IS NOT NULL)) OR ((kind = 'facility'::text) AND (owner_user_id IS NULL))))
    credentials_owner_user_id_fkey FOREIGN KEY (owner_user_id) REFERENCES users(id) ON DELETE CASCADE
    credentials_pkey PRIMARY KEY (id)
    credentials_secret_ref_key UNIQUE (secret_ref)
    credentials_status_check CHECK ((status = ANY (ARRAY['unverified'::text, 'valid'::text, 'invalid'::text, 'expired'::text])))
  indexes:
    CREATE UNIQUE INDEX credentials_facility_key_unique ON public.credentials USING btree (organization_id, provider, state, environment, key_hash) WHERE (kind = 'facility'::text)
    CREATE INDEX credentials_org_idx ON public.credentials USING btree (organization_id, state)
    CREATE UNIQUE INDEX credentials_pkey ON public.credentials USING btree (id)
    CREATE UNIQUE INDEX credentials_secret_ref_key ON public.credentials USING btree (secret_ref)
    CREATE UNIQUE INDEX credentials_user_key_unique ON public.credentials USING btree (provider, state, environment, key_hash) WHERE (kind = 'user'::text)
    CREATE UNIQUE INDEX credentials_user_state_unique ON public.credentials USING btree (organization_id, provider, state, owner_user_id) WHERE (kind = 'user'::text)
  triggers:
    credentials_routing_version AFTER DELETE or INSERT or UPDATE EXECUTE FUNCTION bump_routing_version('organization')

table idempotency_keys
  columns:
    id integer not null default nextval('idempotency_keys_id_seq'::regclass)
    organization_id integer not null
    principal text not null
    idempotency_key text not null
    request_hash text not null
    status text not null
    response_status integer
    response_type text
    response_body text
    response_withheld integer not null default 0
    locked_at text not null
    created_at text not null
    expires_at text not null
  constraints:
    idempotency_keys_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    idempotency_keys_pkey PRIMARY KEY (id)
    idempotency_keys_scope_unique UNIQUE (organization_id, principal, idempotency_key)
    idempotency_keys_status_check CHECK ((status = ANY (ARRAY['in_progress'::text, 'completed'::text])))
  indexes:
    CREATE INDEX idempotency_keys_expires_idx ON public.idempotency_keys USING btree (expires_at)
    CREATE UNIQUE INDEX idempotency_keys_pkey ON public.idempotency_keys USING btree (id)
    CREATE UNIQUE INDEX idempotency_keys_scope_unique ON public.idempotency_keys USING btree (organization_id, principal, idempotency_key)

table insight_cohorts
  columns:
    id integer not null default nextval('insight_cohorts_id_seq'::regclass)
    metric text not null
    group_key text not null
    organization_ids text not null
    published_at text not null
  constraints:
    insight_cohorts_pkey PRIMARY KEY (id)
    insight_cohorts_unique UNIQUE (metric, group_key)
  indexes:
    CREATE UNIQUE INDEX insight_cohorts_pkey ON public.insight_cohorts USING btree (id)
    CREATE UNIQUE INDEX insight_cohorts_unique ON public.insight_cohorts USING btree (metric, group_key)

table insight_opt_ins
  columns:
    id integer not null default nextval('insight_opt_ins_id_seq'::regclass)
    organization_id integer not null
    opted_in integer not null
    changed_at text not null
    changed_by_user_id integer
  constraints:
    insight_opt_ins_changed_by_user_id_fkey FOREIGN KEY (changed_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    insight_opt_ins_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    insight_opt_ins_organization_id_key UNIQUE (organization_id)
    insight_opt_ins_pkey PRIMARY KEY (id)
  indexes:
    CREATE UNIQUE INDEX insight_opt_ins_organization_id_key ON public.insight_opt_ins USING btree (organization_id)
    CREATE UNIQUE INDEX insight_opt_ins_pkey ON public.insight_opt_ins USING btree (id)

table job_leases
  columns:
    name text not null
    owner text not null
    token integer not null
    acquired_at text not null
    expires_at text not null
  constraints:
    job_leases_pkey PRIMARY KEY (name)
  indexes:
    CREATE UNIQUE INDEX job_leases_pkey ON public.job_leases USING btree (name)

table license_leases
  columns:
    license_id integer not null
    organization_id integer not null
    lease_owner text
    lease_token integer not null default 0
    lease_expires_at text
    wake_at text
    work_seq integer not null default 0
    paused_at text
    pause_code text
    pause_message text
    pause_credential_id integer
    updated_at text not null
    in_flight text
  constraints:
    license_leases_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    license_leases_pkey PRIMARY KEY (license_id)
  indexes:
    CREATE INDEX license_leases_due_idx ON public.license_leases USING btree (wake_at) WHERE ((wake_at IS NOT NULL) AND (paused_at IS NULL))
    CREATE UNIQUE INDEX license_leases_pkey ON public.license_leases USING btree (license_id)

table licenses
  columns:
    id integer not null default nextval('licenses_id_seq'::regclass)
    organization_id integer not null
    number text not null
    state text not null
    license_type text not null
    name text not null
    facility_type text not null
    time_zone text not null
    created_at text not null
    updated_at text not null
  constraints:
    licenses_org_state_number_unique UNIQUE (organization_id, state, number)
    licenses_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    licenses_pkey PRIMARY KEY (id)
  indexes:
    CREATE UNIQUE INDEX licenses_org_state_number_ci_unique ON public.licenses USING btree (organization_id, state, upper(number))
    CREATE UNIQUE INDEX licenses_org_state_number_unique ON public.licenses USING btree (organization_id, state, number)
    CREATE UNIQUE INDEX licenses_pkey ON public.licenses USING btree (id)

table login_throttle
  columns:
    throttle_key text not null
    attempts integer not null
    window_ends_at text not null
  constraints:
    login_throttle_pkey PRIMARY KEY (throttle_key)
  indexes:
    CREATE UNIQUE INDEX login_throttle_pkey ON public.login_throttle USING btree (throttle_key)
    CREATE INDEX login_throttle_window_idx ON public.login_throttle USING btree (window_ends_at)

table memberships
  columns:
    id integer not null default nextval('memberships_id_seq'::regclass)
    organization_id integer not null
    user_id integer not null
    role text not null
    created_at text not null
    external_ref text
  constraints:
    memberships_org_user_unique UNIQUE (organization_id, user_id)
    memberships_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    memberships_pkey PRIMARY KEY (id)
    memberships_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'manager'::text, 'staff'::text])))
    memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
  indexes:
    CREATE UNIQUE INDEX memberships_external_ref_unique ON public.memberships USING btree (organization_id, external_ref) WHERE (external_ref IS NOT NULL)
    CREATE UNIQUE INDEX memberships_org_user_unique ON public.memberships USING btree (organization_id, user_id)
    CREATE UNIQUE INDEX memberships_pkey ON public.memberships USING btree (id)
    CREATE INDEX memberships_user_idx ON public.memberships USING btree (user_id)

table mirror_packages
  columns:
    id integer not null default nextval('mirror_packages_id_seq'::regclass)
    organization_id integer not null
    license_id integer not null
    metrc_id integer not null
    label text not null
    status text not null
    item_id integer
    item_name text
    item_category text
    location_id integer
    location_name text
    quantity real
    unit text
    expiration_date text
    use_by_date text
    lab_testing_state text
    packaged_date text
    last_modified text not null
    raw text not null
    synced_at text not null
  constraints:
    mirror_packages_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    mirror_packages_license_metrc_unique UNIQUE (license_id, metrc_id)
    mirror_packages_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    mirror_packages_pkey PRIMARY KEY (id)
    mirror_packages_status_check CHECK ((status = ANY (ARRAY['active'::text, 'onhold'::text, 'inactive'::text, 'intransit'::text])))
  indexes:
    CREATE INDEX mirror_packages_lab_idx ON public.mirror_packages USING btree (organization_id, lab_testing_state)
    CREATE INDEX mirror_packages_label_idx ON public.mirror_packages USING btree (license_id, label)
    CREATE UNIQUE INDEX mirror_packages_license_metrc_unique ON public.mirror_packages USING btree (license_id, metrc_id)
    CREATE INDEX mirror_packages_org_expiry_idx ON public.mirror_packages USING btree (organization_id, expiration_date)
    CREATE INDEX mirror_packages_org_synced_idx ON public.mirror_packages USING btree (organization_id, synced_at)
    CREATE UNIQUE INDEX mirror_packages_pkey ON public.mirror_packages USING btree (id)
    CREATE INDEX mirror_packages_status_idx ON public.mirror_packages USING btree (license_id, status, last_modified)

table mirror_records
  columns:
    id integer not null default nextval('mirror_records_id_seq'::regclass)
    organization_id integer not null
    license_id integer not null
    kind text not null
    metrc_id text not null
    status text not null
    label text
    last_modified text
    raw text not null
    synced_at text not null
  constraints:
    mirror_records_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    mirror_records_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    mirror_records_pkey PRIMARY KEY (id)
    mirror_records_unique UNIQUE (license_id, kind, metrc_id)
  indexes:
    CREATE INDEX mirror_records_kind_idx ON public.mirror_records USING btree (license_id, kind, status, last_modified)
    CREATE UNIQUE INDEX mirror_records_pkey ON public.mirror_records USING btree (id)
    CREATE UNIQUE INDEX mirror_records_unique ON public.mirror_records USING btree (license_id, kind, metrc_id)

table organizations
  columns:
    id integer not null default nextval('organizations_id_seq'::regclass)
    name text not null
    slug text not null
    created_at text not null
  constraints:
    organizations_pkey PRIMARY KEY (id)
    organizations_slug_key UNIQUE (slug)
  indexes:
    CREATE UNIQUE INDEX organizations_pkey ON public.organizations USING btree (id)
    CREATE UNIQUE INDEX organizations_slug_key ON public.organizations USING btree (slug)

table personal_key_policies
  columns:
    organization_id integer not null
    state text not null
    required integer not null
    updated_at text not null
  constraints:
    personal_key_policies_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    personal_key_policies_pk PRIMARY KEY (organization_id, state)
  indexes:
    CREATE UNIQUE INDEX personal_key_policies_pk ON public.personal_key_policies USING btree (organization_id, state)
  triggers:
    personal_key_policies_routing_version AFTER DELETE or INSERT or UPDATE EXECUTE FUNCTION bump_routing_version('organization')

table routing_versions
  columns:
    scope integer not null
    seq integer not null
  constraints:
    routing_versions_pkey PRIMARY KEY (scope)
  indexes:
    CREATE UNIQUE INDEX routing_versions_pkey ON public.routing_versions USING btree (scope)

table sessions
  columns:
    id integer not null default nextval('sessions_id_seq'::regclass)
    token_hash text not null
    user_id integer not null
    organization_id integer not null
    created_at text not null
    expires_at text not null
    last_seen_at text not null
  constraints:
    sessions_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    sessions_pkey PRIMARY KEY (id)
    sessions_token_hash_key UNIQUE (token_hash)
    sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
  indexes:
    CREATE UNIQUE INDEX sessions_pkey ON public.sessions USING btree (id)
    CREATE UNIQUE INDEX sessions_token_hash_key ON public.sessions USING btree (token_hash)
    CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id)

table submission_packages
  columns:
    submission_id integer not null
    organization_id integer not null
    label text not null
  constraints:
    submission_packages_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    submission_packages_pk PRIMARY KEY (submission_id, label)
    submission_packages_submission_id_fkey FOREIGN KEY (submission_id) REFERENCES submissions(id) ON DELETE CASCADE
  indexes:
    CREATE INDEX submission_packages_label_idx ON public.submission_packages USING btree (organization_id, label)
    CREATE UNIQUE INDEX submission_packages_pk ON public.submission_packages USING btree (submission_id, label)

table submissions
  columns:
    id integer not null default nextval('submissions_id_seq'::regclass)
    organization_id integer not null
    license_id integer not null
    kind text not null
    payload text not null
    reference text not null
    touches text not null
    actor_user_id integer
    actor_token_id integer
    occurred_at text not null
    status text not null
    hold_reason text
    released_by_user_id integer
    released_at text
    attempts integer not null default 0
    next_attempt_at text not null
    last_error text
    in_doubt integer not null default 0
    last_sent_at text
    credential_id integer
    key_fingerprint text
    attribution text
    metrc_ids text
    metrc_answer text
    created_at text not null
    updated_at text not null
    sent_at text
  constraints:
    submissions_actor_user_id_fkey FOREIGN KEY (actor_user_id) REFERENCES users(id) ON DELETE SET NULL
    submissions_attribution_check CHECK ((attribution = ANY (ARRAY['own'::text, 'facility'::text])))
    submissions_credential_id_fkey FOREIGN KEY (credential_id) REFERENCES credentials(id) ON DELETE SET NULL
    submissions_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    submissions_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    submissions_pkey PRIMARY KEY (id)
    submissions_released_by_user_id_fkey FOREIGN KEY (released_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    submissions_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'held'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'dismissed'::text])))
  indexes:
    CREATE INDEX submissions_aside_idx ON public.submissions USING btree (license_id, id) WHERE (status = ANY (ARRAY['failed'::text, 'held'::text]))
    CREATE INDEX submissions_org_idx ON public.submissions USING btree (organization_id, id)
    CREATE INDEX submissions_org_sent_idx ON public.submissions USING btree (organization_id, last_sent_at) WHERE (last_sent_at IS NOT NULL)
    CREATE INDEX submissions_pending_idx ON public.submissions USING btree (license_id, id) WHERE (status = ANY (ARRAY['queued'::text, 'sending'::text]))
    CREATE UNIQUE INDEX submissions_pkey ON public.submissions USING btree (id)
    CREATE INDEX submissions_reference_idx ON public.submissions USING btree (license_id, reference)
    CREATE INDEX submissions_unsent_license_idx ON public.submissions USING btree (license_id, created_at) WHERE (status = ANY (ARRAY['queued'::text, 'held'::text, 'sending'::text, 'failed'::text]))

table sync_checkpoints
  columns:
    id integer not null default nextval('sync_checkpoints_id_seq'::regclass)
    license_id integer not null
    resource text not null
    watermark text
    window_start text
    window_end text
    window_page integer not null default 0
    backfill_from text
    backfill_done_at text
    records_stored integer not null default 0
    rejected integer not null default 0
    pages_fetched integer not null default 0
    status text not null default 'idle'::text
    last_run_at text
    last_success_at text
    last_error_code text
    updated_at text not null
  constraints:
    sync_checkpoints_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    sync_checkpoints_license_resource_unique UNIQUE (license_id, resource)
    sync_checkpoints_pkey PRIMARY KEY (id)
    sync_checkpoints_status_check CHECK ((status = ANY (ARRAY['idle'::text, 'running'::text, 'error'::text, 'paused'::text])))
  indexes:
    CREATE UNIQUE INDEX sync_checkpoints_license_resource_unique ON public.sync_checkpoints USING btree (license_id, resource)
    CREATE UNIQUE INDEX sync_checkpoints_pkey ON public.sync_checkpoints USING btree (id)

table sync_gaps
  columns:
    id integer not null default nextval('sync_gaps_id_seq'::regclass)
    license_id integer not null
    resource text not null
    window_start text not null
    window_end text not null
    metrc_total integer not null
    local_before integer not null
    local_after integer not null
    healed integer not null
    detected_at text not null
  constraints:
    sync_gaps_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    sync_gaps_pkey PRIMARY KEY (id)
  indexes:
    CREATE INDEX sync_gaps_license_idx ON public.sync_gaps USING btree (license_id, detected_at)
    CREATE UNIQUE INDEX sync_gaps_pkey ON public.sync_gaps USING btree (id)

table sync_leases
  columns:
    license_id integer not null
    holder text
    fencing_token integer not null default 0
    expires_at_ms bigint not null default 0
    paused_at text
    paused_reason text
    refresh_requested_at text
    refresh_resource text
  constraints:
    sync_leases_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    sync_leases_pkey PRIMARY KEY (license_id)
  indexes:
    CREATE UNIQUE INDEX sync_leases_pkey ON public.sync_leases USING btree (license_id)

table sync_rejects
  columns:
    id integer not null default nextval('sync_rejects_id_seq'::regclass)
    license_id integer not null
    resource text not null
    metrc_id text
    error text not null
    raw text not null
    seen_at text not null
  constraints:
    sync_rejects_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    sync_rejects_pkey PRIMARY KEY (id)
  indexes:
    CREATE INDEX sync_rejects_license_idx ON public.sync_rejects USING btree (license_id, resource)
    CREATE UNIQUE INDEX sync_rejects_pkey ON public.sync_rejects USING btree (id)

table sync_windows
  columns:
    id integer not null default nextval('sync_windows_id_seq'::regclass)
    license_id integer not null
    resource text not null
    window_start text not null
    window_end text not null
    metrc_total integer not null
    checked_at text not null
  constraints:
    sync_windows_license_id_fkey FOREIGN KEY (license_id) REFERENCES licenses(id) ON DELETE CASCADE
    sync_windows_pkey PRIMARY KEY (id)
    sync_windows_unique UNIQUE (license_id, resource, window_start, window_end)
  indexes:
    CREATE UNIQUE INDEX sync_windows_pkey ON public.sync_windows USING btree (id)
    CREATE UNIQUE INDEX sync_windows_unique ON public.sync_windows USING btree (license_id, resource, window_start, window_end)

table tracegate_metrc_limits_buckets
  columns:
    key text not null
    tokens double precision not null
    updated_ms double precision not null
  constraints:
    tracegate_metrc_limits_buckets_pkey PRIMARY KEY (key)
  indexes:
    CREATE UNIQUE INDEX tracegate_metrc_limits_buckets_pkey ON public.tracegate_metrc_limits_buckets USING btree (key)

table tracegate_metrc_limits_leases
  columns:
    key text not null
    permit text not null
    expires_ms double precision not null
  constraints:
    tracegate_metrc_limits_leases_pkey PRIMARY KEY (key, permit)
  indexes:
    CREATE UNIQUE INDEX tracegate_metrc_limits_leases_pkey ON public.tracegate_metrc_limits_leases USING btree (key, permit)

table users
  columns:
    id integer not null default nextval('users_id_seq'::regclass)
    email text not null
    name text not null
    password_hash text not null
    is_platform_admin integer not null default 0
    must_change_password integer not null default 0
    created_at text not null
    updated_at text not null
  constraints:
    users_email_key UNIQUE (email)
    users_pkey PRIMARY KEY (id)
  indexes:
    CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)
    CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)

table vault_data_keys
  columns:
    key_id text not null
    ref text not null
    master_key_version integer not null
    wrapped_key text not null
    created_at text not null
    rewrapped_at text
  constraints:
    vault_data_keys_pkey PRIMARY KEY (key_id)
  indexes:
    CREATE UNIQUE INDEX vault_data_keys_pkey ON public.vault_data_keys USING btree (key_id)
    CREATE INDEX vault_data_keys_ref_idx ON public.vault_data_keys USING btree (ref)
    CREATE INDEX vault_data_keys_version_idx ON public.vault_data_keys USING btree (master_key_version)

table vault_key_checks
  columns:
    master_key_version integer not null
    check_value text not null
    created_at text not null
    retired_at text
  constraints:
    vault_key_checks_pkey PRIMARY KEY (master_key_version)
  indexes:
    CREATE UNIQUE INDEX vault_key_checks_pkey ON public.vault_key_checks USING btree (master_key_version)

table vendor_keys
  columns:
    id integer not null default nextval('vendor_keys_id_seq'::regclass)
    state text not null
    environment text not null
    secret_ref text not null
    sealed_key text not null
    fingerprint text not null
    created_by_user_id integer
    created_at text not null
    updated_at text not null
  constraints:
    vendor_keys_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    vendor_keys_environment_check CHECK ((environment = ANY (ARRAY['production'::text, 'sandbox'::text])))
    vendor_keys_pkey PRIMARY KEY (id)
    vendor_keys_secret_ref_key UNIQUE (secret_ref)
    vendor_keys_state_environment_unique UNIQUE (state, environment)
  indexes:
    CREATE UNIQUE INDEX vendor_keys_pkey ON public.vendor_keys USING btree (id)
    CREATE UNIQUE INDEX vendor_keys_secret_ref_key ON public.vendor_keys USING btree (secret_ref)
    CREATE UNIQUE INDEX vendor_keys_state_environment_unique ON public.vendor_keys USING btree (state, environment)
  triggers:
    vendor_keys_routing_version AFTER DELETE or INSERT or UPDATE EXECUTE FUNCTION bump_routing_version('platform')

table webhook_endpoints
  columns:
    id integer not null default nextval('webhook_endpoints_id_seq'::regclass)
    organization_id integer not null
    url text not null
    description text not null
    kinds text not null
    on_resolve integer not null
    enabled integer not null
    secret_ref text not null
    sealed_secret text not null
    secret_fingerprint text not null
    created_by_user_id integer
    created_at text not null
    updated_at text not null
  constraints:
    webhook_endpoints_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES users(id) ON DELETE SET NULL
    webhook_endpoints_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE
    webhook_endpoints_pkey PRIMARY KEY (id)
    webhook_endpoints_secret_ref_key UNIQUE (secret_ref)
  indexes:
    CREATE UNIQUE INDEX webhook_endpoints_pkey ON public.webhook_endpoints USING btree (id)
    CREATE UNIQUE INDEX webhook_endpoints_secret_ref_key ON public.webhook_endpoints USING btree (secret_ref)
