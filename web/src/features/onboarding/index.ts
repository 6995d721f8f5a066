export { SignUpPage } from './sign-up-page.tsx';
export { WelcomePage } from './welcome-page.tsx';
