import { EVENT_TYPES, taskDeadlineChangedV1 } from '@dm/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import type { ChangeTaskDeadlineData } from './change-deadline';
import { directiveDecider } from './directive';
import { aid, cancelled, changeDeadline, D, decided, deadlineChanged, issued } from './directive.fixtures';

const given = DeciderSpecification.for(directiveDecider);

describe('ChangeTaskDeadline', () => {
  it('given an issued directive, when a deadline is extended, then task-deadline-changed names the previous deadline and the assignments', () => {
    given([issued()])
      .when(changeDeadline())
      .then([
        {
          type: EVENT_TYPES.taskDeadlineChanged,
          data: {
            directiveId: D,
            taskNumber: '1',
            assignmentIds: [aid('1', 'so-tc')],
            previousDeadline: '2017-03-31',
            deadline: '2017-06-30',
            reason: 'Gia hạn theo đề nghị của Sở Tài chính',
            authorizingDocument: '1234/UBND-VX',
            changedOn: '2017-03-20',
          },
        },
      ]);
    expect(taskDeadlineChangedV1.safeParse(deadlineChanged().data).success).toBe(true);
  });

  it('given a changed deadline, when changed again, then the previous deadline is the changed one', () => {
    const [event] = decided([issued(), deadlineChanged()], changeDeadline({ deadline: '2017-09-30', changedOn: '2017-06-25' }));
    expect(event.data).toMatchObject({ previousDeadline: '2017-06-30', deadline: '2017-09-30' });
  });

  it('sets a deadline on a task without one, with all of its assignments, and can remove it again', () => {
    const [set] = decided([issued()], changeDeadline({ taskNumber: '2', deadline: '2017-12-31' }));
    expect(set.data).toMatchObject({
      previousDeadline: null,
      deadline: '2017-12-31',
      assignmentIds: [aid('2', 'h-a'), aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
    });
    const [removed] = decided([issued(), set], changeDeadline({ taskNumber: '2', deadline: null }));
    expect(removed.data).toMatchObject({ previousDeadline: '2017-12-31', deadline: null });
  });

  it('takes a new deadline on the issue date', () => {
    given([issued()])
      .when(changeDeadline({ deadline: '2017-02-10' }))
      .then([expect.objectContaining({ type: EVENT_TYPES.taskDeadlineChanged })]);
  });

  it('given no directive, then not found', () => {
    given([]).when(changeDeadline()).thenThrows(NotFoundError);
  });

  it('given an unknown task, or an inherited property name, then not found at taskNo', () => {
    given([issued()])
      .when(changeDeadline({ taskNumber: '12' }))
      .thenThrows(NotFoundError, (e) => expect(e.field).toBe('taskNo'));
    given([issued()])
      .when(changeDeadline({ taskNumber: 'constructor' }))
      .thenThrows(NotFoundError, (e) => expect(e.field).toBe('taskNo'));
  });

  it('given a cancelled task, then conflict', () => {
    given([issued(), cancelled({ taskNumber: '1' })])
      .when(changeDeadline())
      .thenThrows(IllegalStateError);
  });

  it('given the same deadline, then conflict', () => {
    given([issued()])
      .when(changeDeadline({ deadline: '2017-03-31' }))
      .thenThrows(IllegalStateError);
    given([issued()])
      .when(changeDeadline({ taskNumber: '2', deadline: null }))
      .thenThrows(IllegalStateError);
    given([issued(), deadlineChanged()])
      .when(changeDeadline({ deadline: '2017-06-30' }))
      .thenThrows(IllegalStateError);
  });

  it.each<[string, string, Partial<ChangeTaskDeadlineData>]>([
    ['a deadline before the issue date', 'deadline', { deadline: '2017-02-09' }],
    ['a change date before the issue date', 'changedOn', { changedOn: '2017-01-31' }],
    ['a change date after today', 'changedOn', { changedOn: '2018-01-01' }],
  ])('given an issued directive, when changed with %s, then invalid at %s', (_name, field, overrides) => {
    given([issued()])
      .when(changeDeadline(overrides))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe(field));
  });
});
