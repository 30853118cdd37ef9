import { WrongExpectedRevisionError } from '@dm/event-store';
export const probe = WrongExpectedRevisionError;
