export { ChangePasswordPage } from './change-password-page.tsx';
export { OrganizationSwitcher } from './organization-switcher.tsx';
export { hasRole, useSession, useSignOut } from './session-api.ts';
export { SignInPage } from './sign-in-page.tsx';
