export { IntakePage } from './intake-page.tsx';
