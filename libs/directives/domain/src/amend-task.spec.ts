import { EVENT_SCHEMAS, EVENT_TYPES, type DirectiveEvent } from '@dm/contracts';
import { IllegalStateError, NotFoundError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { directiveDecider, type IssuedDirective } from './directive';
import { addAgency, addTask, aid, cancelled, changeLead, correctText, D, decided, issued, revoke } from './directive.fixtures';

const given = DeciderSpecification.for(directiveDecider);
const stateOf = (events: DirectiveEvent[]) => events.reduce(directiveDecider.evolve, directiveDecider.initialState()) as IssuedDirective;
const valid = (e: DirectiveEvent) => expect(EVENT_SCHEMAS[e.type][1].safeParse(e.data).success).toBe(true);
const why = { directiveId: D, reason: 'Bổ sung theo Kết luận 12-KL/TU', authorizingDocument: '567/UBND-VX', effectiveOn: '2017-05-02' };
const directive = {
  number: '4308/UBND-VX',
  issuer: 'ubnd-tinh',
  issuerOffice: 'vp-ubnd-tinh',
  issuedOn: '2017-02-10',
  monitoringAgency: 'so-ldtbxh',
};

describe('AddTask', () => {
  it('given an issued directive, when a task is added, then task-added with its assignments resolved on the effective date', () => {
    const [added] = decided([issued()], addTask());
    expect(added).toMatchObject({
      type: EVENT_TYPES.taskAdded,
      data: { ...why, directive, task: { number: '12', lead: ['ubnd-huyen'], deadline: '2017-09-30' } },
    });
    expect((added.data as { assignments: Array<{ id: string }> }).assignments.map((a) => a.id)).toEqual([
      aid('12', 'h-a'),
      aid('12', 'h-b'),
      aid('12', 'h-c'),
    ]);
    valid(added);
    const state = stateOf([issued(), added]);
    expect(state.taskNumbers).toEqual(['1', '2', '12']);
    expect(state.assignments[aid('12', 'h-a')]).toMatchObject({ assignedOn: '2017-05-02', deadline: '2017-09-30' });
  });

  it('given a task numbered 1, when another task 1 is added, then conflict', () => {
    given([issued()])
      .when(addTask({ task: { ...addTask().data.task, number: '1' } }))
      .thenThrows(IllegalStateError);
  });

  it('refuses a deadline before the effective date, and an unknown agency, naming the field', () => {
    given([issued()])
      .when(addTask({ task: { ...addTask().data.task, deadline: '2017-05-01' } }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('deadline'));
    given([issued()])
      .when(addTask({ task: { ...addTask().data.task, lead: ['so-xyz'] } }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('lead[0]'));
  });

  it('refuses an effective date before the issue date or after today', () => {
    given([issued()])
      .when(addTask({ effectiveOn: '2017-02-09' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('effectiveOn'));
    given([issued()])
      .when(addTask({ effectiveOn: '2018-01-01' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('effectiveOn'));
  });
});

describe('AddTaskAgency', () => {
  it('given task 1 led by so-tc, when h-a is added as lead, then one new assignment with the task deadline now', () => {
    const [added] = decided([issued()], addAgency());
    expect(added).toMatchObject({
      type: EVENT_TYPES.taskAgencyAdded,
      data: {
        ...why,
        directive,
        taskNumber: '1',
        mode: 'giao',
        deadline: '2017-03-31',
        assignments: [{ id: aid('1', 'h-a'), agencyId: 'h-a', role: 'lead' }],
      },
    });
    valid(added);
  });

  it('adds a group as its members not yet in the task', () => {
    const [added] = decided([issued()], addAgency({ taskNumber: '2', agencyId: 'so-ban-nganh', role: 'coordinating' }));
    expect((added.data as { assignments: Array<{ agencyId: string }> }).assignments.map((a) => a.agencyId)).toEqual([
      'vp-ubnd-tinh',
      'so-tc',
    ]);
  });

  it('given an agency already in the task, then invalid at agencyId', () => {
    given([issued()])
      .when(addAgency({ agencyId: 'so-tc' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('agencyId'));
  });

  it('given an agency removed from the task, adding it back in the same role is a conflict', () => {
    given([issued(), cancelled({ agencyId: 'h-a' })])
      .when(addAgency({ taskNumber: '2', agencyId: 'h-a' }))
      .thenThrows(IllegalStateError);
  });
});

describe('ChangeTaskLead', () => {
  it('given task 1 led by so-tc, when the lead becomes so-ldtbxh, then so-tc ends and so-ldtbxh starts', () => {
    const [changed] = decided([issued()], changeLead());
    expect(changed).toMatchObject({
      type: EVENT_TYPES.taskLeadChanged,
      data: { ...why, previousLead: ['so-tc'], lead: ['so-ldtbxh'], endedAssignmentIds: [aid('1', 'so-tc')], deadline: '2017-03-31' },
    });
    valid(changed);
    const state = stateOf([issued(), changed]);
    expect(state.assignments[aid('1', 'so-tc')].closedOn).toBe('2017-05-02');
    expect(state.assignments[aid('1', 'so-ldtbxh')]).toMatchObject({ assignedOn: '2017-05-02', closedOn: null, role: 'lead' });
  });

  it('a coordinating agency that becomes lead leaves its coordinating assignment', () => {
    const [changed] = decided([issued()], changeLead({ taskNumber: '2', lead: ['h-a', 'so-ldtbxh'] }));
    expect(changed.data).toMatchObject({
      endedAssignmentIds: [aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
      assignments: [expect.objectContaining({ id: aid('2', 'so-ldtbxh'), role: 'lead' })],
    });
  });

  it('narrowing the lead ends the others and starts nobody', () => {
    const [changed] = decided([issued()], changeLead({ taskNumber: '2', lead: ['h-a'] }));
    expect(changed.data).toMatchObject({ endedAssignmentIds: [aid('2', 'h-b'), aid('2', 'h-c')], assignments: [] });
  });

  it('given a report recorded on the old lead, a change dated before it is refused (422 at effectiveOn)', () => {
    given([issued()])
      .when(changeLead({ lastRecordedOn: { [aid('1', 'so-tc')]: '2017-06-01' } }))
      .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('effectiveOn'));
  });

  it('refuses amendments dated before the task was added', () => {
    const added = decided([issued()], addTask({ effectiveOn: '2017-06-01' }))[0];
    for (const command of [
      addAgency({ taskNumber: '12', agencyId: 'so-tc' }),
      changeLead({ taskNumber: '12', lead: ['so-tc'] }),
      correctText({ taskNumber: '12' }),
    ])
      given([issued(), added])
        .when(command)
        .thenThrows(ValidationError, (e) => expect(e.field).toBe('effectiveOn'));
  });

  it('given the same lead, then conflict', () => {
    given([issued()])
      .when(changeLead({ lead: ['so-tc'] }))
      .thenThrows(IllegalStateError);
  });
});

describe('CorrectTaskText', () => {
  it('given a task, when its text is corrected, then task-text-corrected keeps the previous text', () => {
    given([issued()])
      .when(correctText())
      .then([
        {
          type: EVENT_TYPES.taskTextCorrected,
          data: { ...why, taskNumber: '1', previousText: 'Nhiệm vụ 1', text: 'Nhiệm vụ 1 (đã đính chính)' },
        },
      ]);
  });

  it('given the same text, then conflict; an unknown task is not found', () => {
    given([issued()])
      .when(correctText({ text: 'Nhiệm vụ 1' }))
      .thenThrows(IllegalStateError);
    given([issued()])
      .when(correctText({ taskNumber: '9' }))
      .thenThrows(NotFoundError);
  });

  it('given a revoked directive, no amendment is taken', () => {
    given([issued(), decided([issued()], revoke())[0]])
      .when(correctText())
      .thenThrows(IllegalStateError, (e) => expect(e.message).toContain('revoked'));
  });
});
