export { type LicenseQueue, LicenseQueueFacts, queueOf } from './license-queue.tsx';
export { SubmissionsPage } from './submissions-page.tsx';
