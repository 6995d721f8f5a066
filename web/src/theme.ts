import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** A green dark enough for white text and for links on white (WCAG AA, 4.5:1 and more). */
const brand: MantineColorsTuple = [
  '#e9f6ec',
  '#d3ecd9',
  '#a7d9b3',
  '#7bc68d',
  '#4fb368',
  '#2f9a4c',
  '#237032',
  '#1e6b30',
  '#185a28',
  '#124a20',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 6,
  colors: { brand },
});

/**
 * Mantine's default light-variant and dimmed greys fall under 4.5:1 on white; the axe scan in
 * test/e2e finds them, so these shades are darkened to pass.
 */
export const contrastResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-brand-light-color': '#1e6b30',
    '--mantine-color-brand-text': '#1e6b30',
    '--mantine-color-green-filled': '#237032',
    '--mantine-color-green-light-color': '#237032',
    '--mantine-color-green-text': '#237032',
    '--mantine-color-red-filled': '#c92a2a',
    '--mantine-color-red-light-color': '#a61e1e',
    '--mantine-color-red-text': '#a61e1e',
    '--mantine-color-blue-light-color': '#1864ab',
    '--mantine-color-blue-text': '#1864ab',
    '--mantine-color-yellow-light-color': '#8a5a00',
    '--mantine-color-yellow-text': '#8a5a00',
    '--mantine-color-orange-light-color': '#b03a0a',
    '--mantine-color-orange-text': '#b03a0a',
    '--mantine-color-gray-light-color': '#495057',
    '--mantine-color-gray-text': '#495057',
    '--mantine-color-gray-outline': '#495057',
  },
  dark: {},
});
