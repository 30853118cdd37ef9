import { assignmentsTransferredV1, EVENT_TYPES, monitoringTransferredV1, type DirectiveEvent } from '@dm/contracts';
import { IllegalStateError, NotFoundError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { directiveDecider, type IssuedDirective } from './directive';
import { addAgency, aid, cancelled, D, decided, issued, revoke, supersede } from './directive.fixtures';
import { TransferToSuccessor, type TransferData } from './transfer';

const given = DeciderSpecification.for(directiveDecider);
const stateOf = (events: DirectiveEvent[]) => events.reduce(directiveDecider.evolve, directiveDecider.initialState()) as IssuedDirective;

const transfer = (overrides: Partial<TransferData> = {}) =>
  new TransferToSuccessor(
    {
      directiveId: D,
      from: 'so-ldtbxh',
      to: 'so-nv',
      transferredOn: '2017-07-01',
      successorFrom: '2017-06-01',
      reason: 'Sắp xếp tổ chức bộ máy',
      authorizingDocument: 'NQ 3/NQ-HĐND',
      done: [],
      lastRecordedOn: {},
      today: '2017-12-31',
      ...overrides,
    },
    specMetadata(),
  );

const moved = (from: string, to: string, transferredOn = '2017-07-01') => ({
  directiveId: D,
  from,
  to,
  transferredOn,
  successorFrom: '2017-06-01',
  reason: 'Sắp xếp tổ chức bộ máy',
  authorizingDocument: 'NQ 3/NQ-HĐND',
});

/** Every assignment of the issued directive, in the order it names them. */
const ALL = [aid('1', 'so-tc'), aid('2', 'h-a'), aid('2', 'h-b'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')];

/** Each event parses with its contract's schema. */
const parses = (events: DirectiveEvent[]) => {
  for (const e of events) {
    const schema = e.type === EVENT_TYPES.assignmentsTransferred ? assignmentsTransferredV1 : monitoringTransferredV1;
    expect([e.type, schema.safeParse(e.data).success]).toEqual([e.type, true]);
  }
};

describe('TransferToSuccessor', () => {
  it('given the monitoring agency, when its work is transferred, then its open assignments and the monitoring move', () => {
    const expected: DirectiveEvent[] = [
      {
        type: EVENT_TYPES.assignmentsTransferred,
        data: { ...moved('so-ldtbxh', 'so-nv'), assignmentIds: [aid('2', 'so-ldtbxh', 'coordinating')] },
      },
      { type: EVENT_TYPES.monitoringTransferred, data: { ...moved('so-ldtbxh', 'so-nv'), assignmentIds: ALL } },
    ];
    given([issued()]).when(transfer()).then(expected);
    expect(Object.keys(stateOf([issued()]).assignments).sort()).toEqual([...ALL].sort());
    parses(expected);
  });

  it('given an agency that does not monitor the directive, then only its assignments move', () => {
    const expected: DirectiveEvent[] = [
      { type: EVENT_TYPES.assignmentsTransferred, data: { ...moved('so-tc', 'so-nv'), assignmentIds: [aid('1', 'so-tc')] } },
    ];
    given([issued()])
      .when(transfer({ from: 'so-tc' }))
      .then(expected);
    parses(expected);
  });

  describe('moves exactly the open assignments', () => {
    // h-a leads task 2 from the issue date and task 1 from 02/05/2017.
    const withTwo = () => [issued(), decided([issued()], addAgency())[0]];

    it('given an agency with two open assignments, then both move', () => {
      given(withTwo())
        .when(transfer({ from: 'h-a', to: 'xa-b' }))
        .then([
          {
            type: EVENT_TYPES.assignmentsTransferred,
            data: { ...moved('h-a', 'xa-b'), assignmentIds: [aid('2', 'h-a'), aid('1', 'h-a')] },
          },
        ]);
    });

    it('given one of them closed (its agency removed from the task), then only the other moves', () => {
      given([...withTwo(), cancelled({ taskNumber: '2', agencyId: 'h-a' })])
        .when(transfer({ from: 'h-a', to: 'xa-b' }))
        .then([{ type: EVENT_TYPES.assignmentsTransferred, data: { ...moved('h-a', 'xa-b'), assignmentIds: [aid('1', 'h-a')] } }]);
    });

    it('given one of them done (a standing accepted completion), then it stays with its agency', () => {
      given(withTwo())
        .when(transfer({ from: 'h-a', to: 'xa-b', done: [aid('1', 'h-a')] }))
        .then([{ type: EVENT_TYPES.assignmentsTransferred, data: { ...moved('h-a', 'xa-b'), assignmentIds: [aid('2', 'h-a')] } }]);
    });

    it('given every assignment of the agency closed or done, then nothing moves', () => {
      given([...withTwo(), cancelled({ taskNumber: '2', agencyId: 'h-a' })])
        .when(transfer({ from: 'h-a', to: 'xa-b', done: [aid('1', 'h-a')] }))
        .thenNothingHappened();
    });

    it('given the monitoring agency with nothing open, then only the monitoring moves, naming every assignment', () => {
      given([issued()])
        .when(transfer({ done: [aid('2', 'so-ldtbxh', 'coordinating')] }))
        .then([{ type: EVENT_TYPES.monitoringTransferred, data: { ...moved('so-ldtbxh', 'so-nv'), assignmentIds: ALL } }]);
    });

    it('given an agency that holds nothing in the directive, then nothing happens', () => {
      given([issued()])
        .when(transfer({ from: 'mttq-tinh' }))
        .thenNothingHappened();
    });
  });

  describe('after the transfer', () => {
    const transferred = () => {
      const first = [issued()];
      return [...first, ...decided(first, transfer())];
    };

    it('the same command decides nothing (a batch can be run again)', () => {
      expect(transferred()).toHaveLength(3);
      given(transferred()).when(transfer()).thenNothingHappened();
    });

    it('the successor holds the assignment and monitors the directive; the rest of the assignment stays as it was', () => {
      const before = stateOf([issued()]);
      const after = stateOf(transferred());
      const id = aid('2', 'so-ldtbxh', 'coordinating');
      expect(after.assignments[id]).toEqual({ ...before.assignments[id], agencyId: 'so-nv' });
      expect(after.monitoringAgency).toBe('so-nv');
      for (const other of ALL.filter((a) => a !== id)) expect(after.assignments[other]).toEqual(before.assignments[other]);
    });

    it('a second transfer from the old agency moves nothing, while one from the successor moves what it now holds', () => {
      given(transferred())
        .when(transfer({ transferredOn: '2017-09-01' }))
        .thenNothingHappened();
      given(transferred())
        .when(transfer({ from: 'so-nv', to: 'so-nv-2', transferredOn: '2017-09-01' }))
        .then([
          {
            type: EVENT_TYPES.assignmentsTransferred,
            data: { ...moved('so-nv', 'so-nv-2', '2017-09-01'), assignmentIds: [aid('2', 'so-ldtbxh', 'coordinating')] },
          },
          { type: EVENT_TYPES.monitoringTransferred, data: { ...moved('so-nv', 'so-nv-2', '2017-09-01'), assignmentIds: ALL } },
        ]);
    });
  });
});

describe('TransferToSuccessor refusals', () => {
  it('refuses a transfer dated after today (400 at transferredOn), before it looks for the directive', () => {
    given([issued()])
      .when(transfer({ transferredOn: '2018-01-01' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('transferredOn'));
    given([])
      .when(transfer({ transferredOn: '2018-01-01' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('transferredOn'));
  });

  it('refuses a transfer dated before the issue date (400 at transferredOn)', () => {
    given([issued()])
      .when(transfer({ transferredOn: '2017-02-09' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('transferredOn'));
  });

  it('takes a transfer dated on the issue date, or on today', () => {
    for (const transferredOn of ['2017-02-10', '2017-12-31'])
      given([issued()])
        .when(transfer({ from: 'so-tc', transferredOn }))
        .then([expect.objectContaining({ type: EVENT_TYPES.assignmentsTransferred })]);
  });

  it('refuses a transfer dated before a moved assignment started (400 at transferredOn, as every change dated before a start)', () => {
    // h-a's assignment of task 1 starts on 02/05/2017; its assignment of task 2 on the issue date.
    given([issued(), decided([issued()], addAgency())[0]])
      .when(transfer({ from: 'h-a', to: 'xa-b', transferredOn: '2017-05-01' }))
      .thenThrows(ValidationError, (e) =>
        expect([e.field, e.message]).toEqual(['transferredOn', expect.stringContaining(aid('1', 'h-a'))]),
      );
  });

  it('takes a transfer dated on the day the latest moved assignment started', () => {
    given([issued(), decided([issued()], addAgency())[0]])
      .when(transfer({ from: 'h-a', to: 'xa-b', transferredOn: '2017-05-02' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ assignmentIds: [aid('2', 'h-a'), aid('1', 'h-a')] }) })]);
  });

  it('refuses a transfer dated before a date recorded on a moved assignment (422 at transferredOn)', () => {
    given([issued()])
      .when(transfer({ lastRecordedOn: { [aid('2', 'so-ldtbxh', 'coordinating')]: '2017-07-02' } }))
      .thenThrows(RuleViolationError, (e) =>
        expect([e.field, e.message]).toEqual(['transferredOn', expect.stringContaining(aid('2', 'so-ldtbxh', 'coordinating'))]),
      );
  });

  it('takes a transfer dated on that recorded date, and ignores dates recorded on assignments that do not move', () => {
    given([issued()])
      .when(transfer({ lastRecordedOn: { [aid('2', 'so-ldtbxh', 'coordinating')]: '2017-07-01' } }))
      .then([
        expect.objectContaining({ type: EVENT_TYPES.assignmentsTransferred }),
        expect.objectContaining({ type: EVENT_TYPES.monitoringTransferred }),
      ]);
    given([issued()])
      .when(transfer({ lastRecordedOn: { [aid('1', 'so-tc')]: '2017-09-01', [aid('2', 'h-a')]: '2017-09-01' } }))
      .then([
        expect.objectContaining({ type: EVENT_TYPES.assignmentsTransferred }),
        expect.objectContaining({ type: EVENT_TYPES.monitoringTransferred }),
      ]);
    given([issued()])
      .when(
        transfer({
          done: [aid('2', 'so-ldtbxh', 'coordinating')],
          lastRecordedOn: { [aid('2', 'so-ldtbxh', 'coordinating')]: '2017-09-01' },
        }),
      )
      .then([expect.objectContaining({ type: EVENT_TYPES.monitoringTransferred })]);
  });

  it('refuses a superseded or revoked directive (409)', () => {
    for (const close of [supersede(), revoke()])
      given([issued(), decided([issued()], close)[0]])
        .when(transfer())
        .thenThrows(IllegalStateError, (e) => expect(e.message).toMatch(/superseded|revoked/));
  });

  it('refuses when there is no directive (404)', () => {
    given([]).when(transfer()).thenThrows(NotFoundError);
  });
});
