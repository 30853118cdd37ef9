import type { ReactNode } from 'react';
import { TONES, type Tone } from '../logic/tones';

/** A small tag in one of the tones whose text passes WCAG AA (AntD's preset tag colours do not all). */
export function ToneTag({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  const { text, background, border } = TONES[tone];
  return (
    <span className="status-tag" style={{ color: text, background, borderColor: border }} data-testid={testId}>
      {children}
    </span>
  );
}
