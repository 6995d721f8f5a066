export {
  type AuditChainName,
  type ChainCheck,
  type ChainHead,
  GENESIS_HASH,
  hashAuditEvent,
} from './audit-fns.ts';
export { type AuditRepo, createAuditRepo } from './audit-repo.ts';
export {
  type AuditActor,
  type AuditEntry,
  type AuditService,
  createAuditService,
} from './audit-service.ts';
