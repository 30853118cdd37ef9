import type { NewEvent } from '@dm/contracts';
import { v7 as uuidv7 } from 'uuid';

/** A name no other test uses, so suites also run against a shared server. */
export const uniqueName = (prefix: string) => `${prefix}${uuidv7().replace(/-/g, '')}`;

export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: uuidv7(),
    type: 'contract.something-happened',
    schemaVersion: 1,
    occurredAt: '2017-03-01T09:00:00+07:00',
    actor: { userId: 'u-1', agencyId: 'agency-1', role: 'agency_officer' },
    correlationId: 'corr-1',
    causationId: null,
    data: { n: 0 },
    ...overrides,
  };
}

export const newEvents = (count: number, overrides: (i: number) => Partial<NewEvent> = (i) => ({ data: { n: i } })) =>
  Array.from({ length: count }, (_, i) => newEvent(overrides(i)));
