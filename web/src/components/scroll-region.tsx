import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller that keyboard users can reach: a named, focusable region
 * (axe's scrollable-region-focusable; Mantine's ScrollContainer viewport is not focusable).
 * The table inside sets its own minimum width.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </Box>
  );
}
