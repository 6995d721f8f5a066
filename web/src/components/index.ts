export { AppFrame, type NavItem } from './app-frame.tsx';
export { ErrorAlert } from './error-alert.tsx';
export { KeyField } from './key-field.tsx';
export { Page } from './page.tsx';
export { ScrollRegion } from './scroll-region.tsx';
export { SectionMatrix } from './section-matrix.tsx';
export { METRC_STATES, StateSelect, stateName } from './state-select.tsx';
export { KeyStatusBadge, type Light, LightBadge } from './status-badge.tsx';
