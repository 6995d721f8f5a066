export { hasRole, type NavItem, navFor } from './access.ts';
export { ChangePasswordPage } from './change-password-page.tsx';
export { OrganizationSwitcher } from './organization-switcher.tsx';
export { useSession, useSignOut } from './session-api.ts';
export { SignInPage } from './sign-in-page.tsx';
