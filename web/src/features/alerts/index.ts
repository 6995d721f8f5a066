export { AlertsPage } from './alerts-page.tsx';
export { NotificationsPage } from './notifications-page.tsx';
export { ALERTS_KEY, useOpenAlertCount } from './open-alerts.ts';
