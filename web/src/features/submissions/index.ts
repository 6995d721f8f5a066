export { type LicenseQueue, LicenseQueueFacts, queueOf } from './license-queue.tsx';
