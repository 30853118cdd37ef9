import type { Dayjs } from 'dayjs';
import type { FieldError } from '../logic/problem';
import { isoDate } from './dates';

export interface IncomingDocumentValues {
  number?: string;
  date?: Dayjs | null;
}

/** The paper report's part of a body: present only when recorded on behalf. */
export function incomingDocumentBody(values: IncomingDocumentValues | undefined, onBehalf: boolean) {
  return onBehalf ? { number: values?.number ?? '', date: isoDate(values?.date) ?? '' } : undefined;
}

/** Recorded on behalf, the paper report is required (the server refuses without it). */
export function checkIncomingDocument(values: IncomingDocumentValues | undefined, onBehalf: boolean): FieldError[] {
  if (!onBehalf) return [];
  return [
    ...(values?.number?.trim() ? [] : [{ path: ['incomingDocument', 'number'], message: 'is required' }]),
    ...(values?.date ? [] : [{ path: ['incomingDocument', 'date'], message: 'is required' }]),
  ];
}
