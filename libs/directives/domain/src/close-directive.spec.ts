import { directiveRevokedV1, directiveSupersededV1, EVENT_TYPES } from '@dm/contracts';
import { IllegalStateError, ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification } from '@dm/eventsourcing/testing';
import { directiveDecider } from './directive';
import { aid, cancelled, changeDeadline, D, decided, issued, revoke, supersede } from './directive.fixtures';

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

  it('a directive does not supersede itself', () => {
    given([issued()])
      .when(supersede({ supersededBy: D }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('supersededBy'));
  });
});
