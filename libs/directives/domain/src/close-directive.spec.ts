import { directiveRevokedV1, directiveSupersededV1, EVENT_TYPES } from '@dm/contracts';
import { IllegalStateError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { directiveDecider } from './directive';
import { addTask, aid, cancelled, changeDeadline, D, decided, issued, revoke, supersede } from './directive.fixtures';

const given = DeciderSpecification.for(directiveDecider);
const why = { directiveId: D, reason: 'Bổ sung theo Kết luận 12-KL/TU', authorizingDocument: '567/UBND-VX', effectiveOn: '2017-05-02' };

describe('SupersedeDirective and RevokeDirective', () => {
  it('given an issued directive, when it is superseded, then every open assignment is named, with the new directive', () => {
    const [superseded] = decided([issued(), cancelled({ agencyId: 'h-b' })], supersede());
    expect(superseded).toEqual({
      type: EVENT_TYPES.directiveSuperseded,
      data: {
        ...why,
        supersededBy: 'd-new',
        supersededByNumber: '999/UBND-VX',
        assignmentIds: [aid('1', 'so-tc'), aid('2', 'h-a'), aid('2', 'h-c'), aid('2', 'so-ldtbxh', 'coordinating')],
      },
    });
    expect(directiveSupersededV1.safeParse(superseded.data).success).toBe(true);
  });

  it('given an issued directive, when it is revoked, then directive-revoked', () => {
    const [revoked] = decided([issued()], revoke());
    expect(revoked).toMatchObject({ type: EVENT_TYPES.directiveRevoked, data: why });
    expect(directiveRevokedV1.safeParse(revoked.data).success).toBe(true);
  });

  it('given a revoked directive, then it cannot be superseded, revoked or changed again', () => {
    const events = [issued(), decided([issued()], revoke())[0]];
    given(events).when(supersede()).thenThrows(IllegalStateError);
    given(events).when(revoke()).thenThrows(IllegalStateError);
    given(events).when(changeDeadline()).thenThrows(IllegalStateError);
  });

  it.each([
    ['itself', { directiveId: D, number: '4308/UBND-VX', issuedOn: '2017-02-10', closed: false }],
    ['a directive itself closed', { directiveId: 'd-new', number: '999/UBND-VX', issuedOn: '2017-03-01', closed: true }],
    ['a directive issued after the effective date', { directiveId: 'd-new', number: '999/UBND-VX', issuedOn: '2017-06-01', closed: false }],
  ])('a directive is not superseded by %s (422 at supersededBy)', (_name, successor) => {
    given([issued()])
      .when(supersede({ successor }))
      .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('supersededBy'));
  });

  it('given a report recorded on 2017-05-10, a revocation or supersession dated before it is refused (422 at effectiveOn)', () => {
    given([issued()])
      .when(revoke({ lastRecordedOn: { [aid('1', 'so-tc')]: '2017-05-10' } }))
      .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('effectiveOn'));
    given([issued()])
      .when(supersede({ lastRecordedOn: { [aid('2', 'h-c')]: '2017-05-10' } }))
      .thenThrows(RuleViolationError, (e) => expect(e.field).toBe('effectiveOn'));
  });

  it('refuses a closure dated before an open assignment started', () => {
    const added = decided([issued()], addTask({ effectiveOn: '2017-06-01' }))[0];
    given([issued(), added])
      .when(revoke({ effectiveOn: '2017-05-02' }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('effectiveOn'));
  });
});
