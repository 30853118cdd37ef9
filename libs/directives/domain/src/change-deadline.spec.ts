import { EVENT_TYPES, taskDeadlineChangedV1 } from '@dm/contracts';
import { IllegalStateError, NotFoundError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import type { ChangeTaskDeadlineData } from './change-deadline';
import { directiveDecider, type IssuedDirective } from './directive';
import { addTask, aid, cancelled, changeDeadline, D, decided, deadlineChanged, issue, issued, task } from './directive.fixtures';

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
            agencyId: null,
            assignmentIds: [aid('1', 'so-tc')],
            previousDeadline: '2017-03-31',
            deadline: '2017-06-30',
            reason: 'Gia hạn theo đề nghị của Sở Tài chính',
            authorizingDocument: '1234/UBND-VX',
            changedOn: '2017-03-20',
            extendedAfterDue: false,
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

  describe('deadline in force', () => {
    it('given a change, when another is dated before it, then 422 naming changedOn: what was in force stays in force', () => {
      given([issued(), deadlineChanged({ changedOn: '2017-03-20' })])
        .when(changeDeadline({ deadline: '2017-09-30', changedOn: '2017-03-19' }))
        .thenThrows(RuleViolationError, (e) => expect([e.field, e.message]).toEqual(['changedOn', expect.stringContaining('2017-03-20')]));
    });

    it('given a deadline that has passed, when it is extended, then the change is flagged extendedAfterDue', () => {
      const [late] = decided([issued()], changeDeadline({ deadline: '2017-12-31', changedOn: '2017-12-01' }));
      expect(late.data).toMatchObject({ previousDeadline: '2017-03-31', changedOn: '2017-12-01', extendedAfterDue: true });
    });

    it('given a deadline not yet passed (or the day itself), then the change is not flagged', () => {
      const [onTheDay] = decided([issued()], changeDeadline({ deadline: '2017-06-30', changedOn: '2017-03-31' }));
      expect(onTheDay.data).toMatchObject({ extendedAfterDue: false });
    });
  });

  describe('one agency', () => {
    it('given a task of three districts, when one district is extended, then only its assignment changes', () => {
      const events = [issued(), deadlineChanged({ taskNumber: '2', deadline: '2017-06-30', changedOn: '2017-03-01' })];
      const [one] = decided(events, changeDeadline({ taskNumber: '2', agencyId: 'h-b', deadline: '2017-09-30', changedOn: '2017-06-01' }));
      expect(one.data).toMatchObject({
        agencyId: 'h-b',
        assignmentIds: [aid('2', 'h-b')],
        previousDeadline: '2017-06-30',
        deadline: '2017-09-30',
      });
      const state = [...events, one].reduce(directiveDecider.evolve, directiveDecider.initialState()) as IssuedDirective;
      expect(state.tasks['2'].deadline).toBe('2017-06-30');
      expect(state.assignments[aid('2', 'h-b')].deadline).toBe('2017-09-30');
      expect(state.assignments[aid('2', 'h-a')].deadline).toBe('2017-06-30');
    });

    it('given a one-agency change, a later whole-task change may not be dated before it', () => {
      const one = deadlineChanged({ taskNumber: '2', agencyId: 'h-b', deadline: '2017-09-30', changedOn: '2017-06-01' });
      given([issued(), one])
        .when(changeDeadline({ taskNumber: '2', deadline: '2017-08-31', changedOn: '2017-05-01' }))
        .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('changedOn'));
    });

    it('given an agency without an open assignment in the task, then not found at agencyId', () => {
      given([issued()])
        .when(changeDeadline({ agencyId: 'h-a' }))
        .thenThrows(NotFoundError, (e) => expect(e.field).toBe('agencyId'));
      given([issued(), cancelled({ agencyId: 'h-a' })])
        .when(changeDeadline({ taskNumber: '2', agencyId: 'h-a', deadline: '2017-12-31', changedOn: '2017-05-01' }))
        .thenThrows(NotFoundError, (e) => expect(e.field).toBe('agencyId'));
    });
  });

  it('given a completion recorded on 2017-04-01, a change dated before it is refused (422 at changedOn): a judged completion stays judged', () => {
    given([issued()])
      .when(changeDeadline({ deadline: '2017-05-01', changedOn: '2017-02-20', lastRecordedOn: { [aid('1', 'so-tc')]: '2017-04-05' } }))
      .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('changedOn'));
  });

  it('refuses a change dated before the task was added', () => {
    const added = decided([issued()], addTask({ effectiveOn: '2017-06-01' }))[0];
    given([issued(), added])
      .when(changeDeadline({ taskNumber: '12', changedOn: '2017-05-01', deadline: '2017-12-31' }))
      .thenThrows(ValidationError, (e) =>
        expect([e.field, e.message]).toEqual(['changedOn', expect.stringContaining('task 12 was added')]),
      );
  });

  describe('edges of one agency and the whole task', () => {
    const one = deadlineChanged({ taskNumber: '2', agencyId: 'h-b', deadline: '2017-09-30', changedOn: '2017-06-01' });

    it('a second change for the same agency names that agency’s deadline as the previous one', () => {
      const [again] = decided(
        [issued(), one],
        changeDeadline({ taskNumber: '2', agencyId: 'h-b', deadline: '2017-10-31', changedOn: '2017-06-02' }),
      );
      expect(again.data).toMatchObject({ previousDeadline: '2017-09-30', assignmentIds: [aid('2', 'h-b')] });
    });

    it('the same deadline again for one agency is a conflict; for the whole task it is taken while one agency differs', () => {
      given([issued(), one])
        .when(changeDeadline({ taskNumber: '2', agencyId: 'h-b', deadline: '2017-09-30', changedOn: '2017-06-02' }))
        .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('already has deadline'));
      given([issued(), one])
        .when(changeDeadline({ taskNumber: '2', deadline: null, changedOn: '2017-06-02' }))
        .then([expect.objectContaining({ data: expect.objectContaining({ previousDeadline: null, deadline: null }) })]);
    });

    it('a whole-task change is flagged when any one assignment’s deadline had passed', () => {
      const early = deadlineChanged({ taskNumber: '2', agencyId: 'h-b', deadline: '2017-03-01', changedOn: '2017-02-20' });
      const [whole] = decided([issued(), early], changeDeadline({ taskNumber: '2', deadline: '2017-12-31', changedOn: '2017-04-01' }));
      expect(whole.data).toMatchObject({ previousDeadline: null, extendedAfterDue: true });
    });

    it('a recurring task’s deadline is its rule: no change is taken', () => {
      const recurring = decided(
        [],
        issue({ tasks: [{ ...task('1', ['so-tc']), deadline: null, recurrence: { every: 'year', day: 15, month: 12, phrase: null } }] }),
      )[0];
      given([recurring])
        .when(changeDeadline({ deadline: '2017-12-31' }))
        .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('recurs'));
    });
  });
});
