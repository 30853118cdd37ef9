import type { ReactNode } from 'react';
import type { NamePath } from '../../logic/problem';

/**
 * What a page says beside a field of the issuing form, by the field's name:
 * a note (the words an import read there), and whether the field is marked
 * for a reviewer to check; undefined: nothing.
 */
export type FieldNotes = (name: NamePath) => { note: ReactNode; marked: boolean } | undefined;

/** A Form.Item's `extra` and class: its help, then the page's note; the item marked when the page marks it. */
export function noted(notes: FieldNotes | undefined, name: NamePath, extra?: ReactNode): { extra?: ReactNode; className?: string } {
  const said = notes?.(name);
  if (!said) return { extra };
  return {
    extra: (
      <>
        {extra ? <div>{extra}</div> : null}
        {said.note}
      </>
    ),
    className: said.marked ? 'field-marked' : undefined,
  };
}
