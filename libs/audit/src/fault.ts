/** What a check found wrong, and where: the first fault of a verification names it exactly. */
export type FaultKind =
  'position' | 'revision' | 'chain' | 'hash' | 'unreadable' | 'leaf' | 'truncated' | 'head' | 'checkpoint' | 'signature' | 'figures';

export interface Fault {
  store: string;
  kind: FaultKind;
  message: string;
  position?: number;
  streamId?: string;
  revision?: number;
  eventId?: string;
  expected?: string | number | null;
  found?: string | number | null;
}
