export { KeyCheckPage } from './key-check-page.tsx';
