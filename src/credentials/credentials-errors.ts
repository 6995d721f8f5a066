import { defineErrors } from '../lib/index.ts';

export const credentialsErrors = defineErrors('credentials', {
  VENDOR_KEY_MISSING: {
    status: 409,
    message: 'No vendor key is set for this state and environment.',
    description:
      'Every Metrc call also needs the integrator (vendor) key of the state. A platform admin sets it with `tracegate vendor-key set --state XX` or `PUT /api/platform/vendor-keys/{state}`.',
  },
  VENDOR_KEY_REJECTED: {
    status: 422,
    message: 'Metrc rejected this vendor key. Nothing was saved.',
    description:
      "Setting a vendor key checks it with a stored, valid key of the state; Metrc refused it. Copy the state's vendor key again from Metrc's integrator portal.",
  },
  VENDOR_KEY_DELETE_NOT_CONFIRMED: {
    status: 400,
    message:
      'To delete a vendor key, confirm with its fingerprint (the last four characters shown).',
    description:
      'Deleting a vendor key stops every call to that state; send `{"confirm": "<fingerprint>"}` (CLI: `--confirm`) to show you mean it.',
  },
  CREDENTIAL_MANAGER_CANNOT_SET: {
    status: 403,
    message: 'Managers can see key status but cannot set or remove keys.',
    description: 'Ask an admin, or set your own personal key as staff would.',
  },
  CREDENTIAL_STAFF_OWN_ONLY: {
    status: 403,
    message: 'You can only set your own personal key.',
    description: 'Staff (and staff or manager API tokens) may set a user key only for themselves.',
  },
  CREDENTIAL_FACILITY_ADMIN_ONLY: {
    status: 403,
    message: "Only admins set a license's facility key.",
    description: 'Facility keys download data and report for everyone without a key of their own.',
  },
  CREDENTIAL_OWNER_UNKNOWN: {
    status: 404,
    message: 'That person is not a member of this organization.',
    description: 'A user credential belongs to a member of your organization.',
  },
  CREDENTIAL_LICENSE_TAKEN: {
    status: 409,
    message: 'A license already has a facility key.',
    description:
      'Each license is tied to one facility credential per provider (`details.licenses` names them and their credential). Change that credential instead.',
  },
  CREDENTIAL_USER_STATE_EXISTS: {
    status: 409,
    message: 'This person already has a key for this state.',
    description:
      'A person has one user credential per state; replace its key (`PATCH /api/credentials/{id}`) instead.',
  },
  CREDENTIAL_KEY_OTHER_PERSON: {
    status: 409,
    message: "This key is already saved as someone else's personal key. Nothing was saved.",
    description:
      "A Metrc user key is one person's: reports sent with it are recorded under that person. Each person pastes their own key (Metrc → profile → API Keys). `details.credentialId` names the credential when it is in your organization.",
  },
  CREDENTIAL_FACILITY_KEY_EXISTS: {
    status: 409,
    message: 'This key is already saved as a facility credential. Nothing was saved.',
    description:
      'One key is one facility credential: add the licenses to the one that exists (`details.credentialId`, `PATCH /api/credentials/{id}` with `licenseNumbers`).',
  },
  CREDENTIAL_KEY_MALFORMED: {
    status: 400,
    message: 'That does not look like a Metrc API key.',
    description:
      'A key is 16–200 letters, digits and `-_+/=` without spaces. Copy it again from Metrc (profile → API Keys), or upload a photo of its QR code.',
  },
  CREDENTIAL_KEY_HAS_WHITESPACE: {
    status: 400,
    message: 'The key has a space or line break inside it.',
    description:
      'Spaces and line breaks around a pasted key are removed; inside a key they mean something else was pasted with it. Copy the key alone from Metrc (profile → API Keys). Nothing was saved.',
  },
  CREDENTIAL_KEY_MISBOUND: {
    status: 409,
    message: 'This stored key does not belong to this credential.',
    description:
      'The sealed key names another organization or row: it was copied in the database. The key is not used. Delete the credential and Verify & Save the key again.',
  },
  CREDENTIAL_QR_TOO_LARGE: {
    status: 413,
    message: 'The QR image is too large.',
    description:
      'Photos of a QR code are accepted up to 8 MB. Send a screenshot or a smaller photo. Nothing was decoded or saved.',
  },
  CREDENTIAL_QR_UNREADABLE: {
    status: 422,
    message: 'No QR code could be read from that image.',
    description: 'Upload a sharper photo or a screenshot of the QR code Metrc shows for the key.',
  },
  CREDENTIAL_KEY_REJECTED: {
    status: 422,
    message: 'Metrc rejected this key. Nothing was saved.',
    description:
      'Metrc answered 401 to the key itself: it was mistyped, regenerated, has expired, or its owner was deactivated. `details.diagnosis` says which is most likely.',
  },
  CREDENTIAL_LICENSES_NOT_COVERED: {
    status: 422,
    message: 'This key does not cover every selected license. Nothing was saved.',
    description:
      "`details.uncovered` lists the licenses Metrc does not give this key's owner; `details.covered` those it does.",
  },
  CREDENTIAL_NO_LICENSES: {
    status: 422,
    message: 'This key covers no license in this state.',
    description: "Metrc lists no facility for this key's owner in this state.",
  },
  CREDENTIAL_NO_ACTIVE_LICENSE: {
    status: 422,
    message: 'This key holds no active license in this state. Nothing was created.',
    description:
      'Signing up with a Metrc key requires at least one license whose end date has not passed (rule 11).',
  },
  CREDENTIAL_METRC_UNAVAILABLE: {
    status: 503,
    message: 'Metrc could not be reached to verify the key. Nothing was saved; try again.',
    description: 'Metrc timed out, answered 5xx or was rate limited during verification.',
    retryable: true,
  },
  METRC_NOT_CONFIGURED: {
    status: 503,
    message:
      'This process has no Metrc connection to verify keys with: set METRC_BASE_URL_TEMPLATE (e.g. https://api-{state}.metrc.com), or start `tracegate start` with the same TRACEGATE_DATA_DIR so its built-in emulator is found.',
    description:
      'CLI commands use METRC_BASE_URL_TEMPLATE when set, else the built-in emulator of a `tracegate start` running on the same data dir (it writes `<TRACEGATE_DATA_DIR>/emulator.url`).',
  },
  CREDENTIAL_DELETE_NOT_CONFIRMED: {
    status: 400,
    message: 'To delete a key, confirm with its fingerprint (the last four characters shown).',
    description:
      'Deletion destroys the key for good; send `{"confirm": "<fingerprint>"}` to show you mean it.',
  },
  INTAKE_LINK_INVALID: {
    status: 404,
    message: 'This link is not valid.',
    description: 'The one-time key link is unknown or was revoked. Ask your admin for a new one.',
  },
  INTAKE_LINK_EXPIRED: {
    status: 410,
    message: 'This link has expired.',
    description: 'One-time key links last 24 hours. Ask your admin for a new one.',
  },
  INTAKE_LINK_LOCKED: {
    status: 410,
    message: 'This link is locked after too many wrong keys.',
    description:
      'A one-time key link stops accepting keys after a few wrong ones, so it cannot be used to guess keys. Ask your admin for a new one.',
  },
  INTAKE_LINK_USED: {
    status: 410,
    message: 'This link has already been used.',
    description: 'A one-time key link works once. Ask your admin for a new one to change the key.',
  },
  SIGNUP_CLOSED: {
    status: 403,
    message: 'Sign-up is closed on this deployment. Ask its operator to create your organization.',
    description: 'SIGNUP_OPEN is false: only platform admins create organizations.',
  },
  SIGNUP_EMAIL_TAKEN: {
    status: 409,
    message: 'An account with this e-mail already exists. Sign in instead.',
    description:
      'Sign-up creates a new person; someone who already has an account is added to an organization by its admin.',
  },
});
