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
  constraints:
    audit_events_hash_key UNIQUE (hash)
    audit_events_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id)
    audit_events_pkey PRIMARY KEY (id)
  indexes:
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
    CREATE INDEX credentials_org_idx ON public.credentials USING btree (organization_id, state)
    CREATE UNIQUE INDEX credentials_pkey ON public.credentials USING btree (id)
    CREATE UNIQUE INDEX credentials_secret_ref_key ON public.credentials USING btree (secret_ref)
    CREATE UNIQUE INDEX credentials_user_state_unique ON public.credentials USING btree (organization_id, provider, state, owner_user_id) WHERE (kind = 'user'::text)

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
    CREATE UNIQUE INDEX licenses_org_state_number_unique ON public.licenses USING btree (organization_id, state, number)
    CREATE UNIQUE INDEX licenses_pkey ON public.licenses USING btree (id)

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
    CREATE INDEX submissions_pending_idx ON public.submissions USING btree (license_id, id) WHERE (status = ANY (ARRAY['queued'::text, 'sending'::text]))
    CREATE UNIQUE INDEX submissions_pkey ON public.submissions USING btree (id)
    CREATE INDEX submissions_reference_idx ON public.submissions USING btree (license_id, reference)
    CREATE INDEX submissions_unsent_idx ON public.submissions USING btree (created_at) WHERE (status = ANY (ARRAY['queued'::text, 'held'::text, 'sending'::text, 'failed'::text]))
    CREATE INDEX submissions_unsent_org_idx ON public.submissions USING btree (organization_id, license_id) WHERE (status = ANY (ARRAY['queued'::text, 'held'::text, 'sending'::text, 'failed'::text]))

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
