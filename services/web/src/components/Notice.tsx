import type { ReactNode } from 'react';

/** A page-wide message (no access, not found, cannot load): a heading, what happened, what to do. */
export function Notice({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <section className="notice" data-testid={testId} aria-labelledby="notice-title">
      <h2 id="notice-title">{title}</h2>
      {children}
    </section>
  );
}
