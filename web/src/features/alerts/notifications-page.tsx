import { Page } from '../../components/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import { PreferencesSection } from './preferences-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

/** Notification preferences (managers read, admins change) and webhook endpoints (admins). */
export function NotificationsPage() {
  const session = useSession().data;
  const isAdmin = hasRole(session, 'admin');
  return (
    <Page
      title="Notifications"
      intro="Which alerts each role sees in the console and receives by e-mail, and where webhooks go."
    >
      <PreferencesSection editable={isAdmin} />
      {isAdmin && <WebhooksSection />}
    </Page>
  );
}
