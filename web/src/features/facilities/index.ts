export { FacilitiesPage } from './facilities-page.tsx';
