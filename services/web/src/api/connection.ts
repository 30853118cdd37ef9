import { useSyncExternalStore } from 'react';

/** Whether the server answered the last request: lost connection, or the server refusing to serve (503). */
export type ConnectionTrouble = 'offline' | 'unavailable' | null;

let trouble: ConnectionTrouble = null;
const listeners = new Set<() => void>();

export function reportConnection(next: ConnectionTrouble): void {
  if (next === trouble) return;
  trouble = next;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useConnectionTrouble = () => useSyncExternalStore(subscribe, () => trouble);
