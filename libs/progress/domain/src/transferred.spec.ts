import { EVENT_TYPES, type AssignmentEvent } from '@dm/contracts';
import { RuleViolationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { assignmentDecider } from './assignment';
import { completion, context, progress } from './assignment.fixtures';

const given = DeciderSpecification.for(assignmentDecider);

/** An assignment moved to a successor on 01/06/2017 (its agency ended on 31/05/2017). */
const held = { ...context, agencyId: 'tx-nghi-son', heldSince: '2017-06-01' };
const paper = { number: '12/BC-UBND', date: '2017-06-05' };

describe('reports on a transferred assignment', () => {
  it('takes what the successor reports from the day it holds the assignment', () => {
    given([])
      .when(progress({ context: held, reportedOn: '2017-06-01', today: '2017-12-31' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.progressReported }) as AssignmentEvent]);
  });

  it('refuses a report or a completion the successor dates before it held the assignment (422), naming the field', () => {
    given([])
      .when(progress({ context: held, reportedOn: '2017-05-31', today: '2017-12-31' }))
      .thenThrows(RuleViolationError, (e) => {
        expect(e.field).toBe('reportedOn');
        expect(e.message).toContain('01/06/2017');
      });
    given([])
      .when(completion({ context: held, completedOn: '2017-05-20', today: '2017-12-31' }))
      .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('completedOn'));
  });

  it('takes the ended agency’s paper report for before the transfer, recorded on its behalf', () => {
    given([])
      .when(progress({ context: held, reportedOn: '2017-05-31', incomingDocument: paper, today: '2017-12-31' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.progressReported }) as AssignmentEvent]);
  });
});
