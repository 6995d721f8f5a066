import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AppFrame } from './components/index.ts';
// The badge's hook only, not the alerts feature's index: the pages stay lazy chunks.
import { useOpenAlertCount } from './features/alerts/open-alerts.ts';
import {
  ChangePasswordPage,
  hasRole,
  navFor,
  OrganizationSwitcher,
  SignInPage,
  useSession,
  useSignOut,
} from './features/session/index.ts';

// Pages load on demand, so the first screen stays within the initial JavaScript budget.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const HomePage = page(() => import('./features/home/index.ts'), 'HomePage');
const FacilitiesPage = page(() => import('./features/facilities/index.ts'), 'FacilitiesPage');
const CredentialsPage = page(() => import('./features/credentials/index.ts'), 'CredentialsPage');
const CredentialPage = page(() => import('./features/credentials/index.ts'), 'CredentialPage');
const NewCredentialPage = page(
  () => import('./features/credentials/index.ts'),
  'NewCredentialPage',
);
const KeyCheckPage = page(() => import('./features/key-check/index.ts'), 'KeyCheckPage');
const UsersPage = page(() => import('./features/users/index.ts'), 'UsersPage');
const ProfilePage = page(() => import('./features/users/index.ts'), 'ProfilePage');
const IntakePage = page(() => import('./features/intake/index.ts'), 'IntakePage');
const SignUpPage = page(() => import('./features/onboarding/index.ts'), 'SignUpPage');
const WelcomePage = page(() => import('./features/onboarding/index.ts'), 'WelcomePage');
const AlertsPage = page(() => import('./features/alerts/index.ts'), 'AlertsPage');
const NotificationsPage = page(() => import('./features/alerts/index.ts'), 'NotificationsPage');
const SubmissionsPage = page(() => import('./features/submissions/index.ts'), 'SubmissionsPage');
const SyncPage = page(() => import('./features/sync/index.ts'), 'SyncPage');
const InventoryPage = page(() => import('./features/inventory/index.ts'), 'InventoryPage');

const loading = (
  <Center p="xl">
    <Loader aria-label="Loading" />
  </Center>
);

function SignedIn() {
  const session = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  const navigate = useNavigate();
  const signedIn = !!session.data && !session.data.user?.mustChangePassword;
  const openAlerts = useOpenAlertCount(signedIn);
  if (session.isPending) return loading;
  if (!session.data) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  if (session.data.user?.mustChangePassword) return <ChangePasswordPage forced />;
  return (
    <AppFrame
      nav={navFor(session.data).map((item) =>
        item.to === '/alerts' ? { ...item, count: openAlerts.data } : item,
      )}
      headerExtra={<OrganizationSwitcher session={session.data} />}
      onSignOut={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}
    >
      <Suspense fallback={loading}>
        <Outlet />
      </Suspense>
    </AppFrame>
  );
}

function ManagerOnly({ children }: { children: React.ReactNode }) {
  const session = useSession().data;
  return hasRole(session, 'manager') ? children : <Navigate to="/" replace />;
}

function SignedOutOnly({ children }: { children: React.ReactNode }) {
  const session = useSession();
  if (session.isPending) return loading;
  return session.data ? <Navigate to="/" replace /> : children;
}

export function AppRoutes() {
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route
          path="/sign-in"
          element={
            <SignedOutOnly>
              <main>
                <SignInPage />
              </main>
            </SignedOutOnly>
          }
        />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/key/:token" element={<IntakePage />} />
        <Route element={<SignedIn />}>
          <Route index element={<HomePage />} />
          <Route path="/welcome" element={<WelcomePage />} />
          <Route
            path="/facilities"
            element={
              <ManagerOnly>
                <FacilitiesPage />
              </ManagerOnly>
            }
          />
          <Route path="/credentials" element={<CredentialsPage />} />
          <Route path="/credentials/new" element={<NewCredentialPage />} />
          <Route path="/credentials/:id" element={<CredentialPage />} />
          <Route path="/check-key" element={<KeyCheckPage />} />
          <Route
            path="/users"
            element={
              <ManagerOnly>
                <UsersPage />
              </ManagerOnly>
            }
          />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/alerts" element={<AlertsPage />} />
          <Route
            path="/notifications"
            element={
              <ManagerOnly>
                <NotificationsPage />
              </ManagerOnly>
            }
          />
          <Route path="/submissions" element={<SubmissionsPage />} />
          <Route path="/sync" element={<SyncPage />} />
          <Route path="/inventory" element={<InventoryPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
