/**
 * Other features hear about keys through this hub, injected into the credentials services, so
 * credentials never imports them (the outbox resumes a paused license when a verified key is
 * saved, and routes held submissions again when a person adds their own key).
 */
import type { CredentialKind, CredentialStatus } from '../db/index.ts';
import type { Logger } from '../lib/index.ts';

/** A key was saved or re-verified; sent after its transaction committed. */
export interface CredentialKeyEvent {
  organizationId: number;
  credentialId: number;
  kind: CredentialKind;
  state: string;
  ownerUserId: number | null;
  status: CredentialStatus;
  /** Licenses the credential is assigned to now. */
  licenseIds: number[];
}

export type CredentialKeyListener = (event: CredentialKeyEvent) => Promise<void> | void;

export interface CredentialEvents {
  keySaved(event: CredentialKeyEvent): Promise<void>;
  subscribe(listener: CredentialKeyListener): () => void;
}

/** Listeners run in order; one failing is logged and does not undo the save. */
export function createCredentialEvents(logger?: Logger): CredentialEvents {
  const listeners = new Set<CredentialKeyListener>();
  return {
    async keySaved(event) {
      for (const listener of listeners) {
        try {
          await listener(event);
        } catch (error) {
          logger?.error({ err: error, credentialId: event.credentialId }, 'key listener failed');
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
