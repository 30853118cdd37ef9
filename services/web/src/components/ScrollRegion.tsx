import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll, reachable by keyboard (WCAG 2.1.1):
 * AntD's scrolling table body takes no focus, so the region does.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-region" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
