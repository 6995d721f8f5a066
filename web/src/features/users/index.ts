export { ProfilePage } from './profile-page.tsx';
export { UsersPage } from './users-page.tsx';
