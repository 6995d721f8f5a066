export { SyncPage } from './sync-page.tsx';
