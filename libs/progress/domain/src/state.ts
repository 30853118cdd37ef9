import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';

export interface AssignmentState {
  /** Number of events folded in. */
  events: number;
  lastReportedOn: string | null;
  /** The reported completion awaiting the monitoring office's decision, if any. */
  awaiting: { completedOn: string } | null;
  /** The accepted completion; nothing may be reported after it. */
  confirmed: { completedOn: string; confirmedOn: string } | null;
  /** The last returned completion, if any. */
  lastReturned: { completedOn: string; returnedOn: string; reason: string } | null;
}

export const initialState: AssignmentState = Object.freeze({
  events: 0,
  lastReportedOn: null,
  awaiting: null,
  confirmed: null,
  lastReturned: null,
}) as AssignmentState;

/** Folds one assignment event into the state; never mutates its input. */
export function evolve(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  const next = { ...state, events: state.events + 1 };
  switch (event.type) {
    case EVENT_TYPES.progressReported:
      return { ...next, lastReportedOn: event.data.reportedOn };
    case EVENT_TYPES.completionReported:
      return { ...next, awaiting: { completedOn: event.data.completedOn } };
    case EVENT_TYPES.completionConfirmed:
      return { ...next, awaiting: null, confirmed: { completedOn: event.data.completedOn, confirmedOn: event.data.confirmedOn } };
    case EVENT_TYPES.completionReturned:
      return {
        ...next,
        awaiting: null,
        lastReturned: { completedOn: event.data.completedOn, returnedOn: event.data.returnedOn, reason: event.data.reason },
      };
    default:
      return state;
  }
}
