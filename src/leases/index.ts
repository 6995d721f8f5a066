export {
  createJobLeases,
  type JobLeases,
  type JobLeasesDeps,
  type Lease,
} from './job-leases-repo.ts';
