import type { Principal, UserRole } from '@dm/contracts';
import { authorize, ForbiddenError, writesOf, type Document } from '@dm/eventsourcing';
import type { AssignmentDoc } from './assignments/assignment-doc';
import { directivesProjection, type DirectiveDoc } from './directives/directives.projection';
import { asKnownAt } from './known-at';
import { reportingPolicy } from './policy';
import {
  agencyFilterOf,
  agencyFilterRefusal,
  assignmentRefusal,
  directiveRefusal,
  hasHeld,
  mayReadAssignment,
  mayReadDirective,
  overseersOfAssignment,
  overseersOfDirective,
  readScopeOf,
  taskRefusal,
} from './read-scope';
import { applyWrites, assignmentId, Story } from './story.fixtures';

const as = (roles: UserRole[], agencyId: string | null): Principal => ({
  sub: `${roles.join('+')}-${agencyId}`,
  name: null,
  agencyId,
  roles,
});
const officer = (agencyId: string | null) => as(['agency_officer'], agencyId);
const monitoring = (agencyId: string | null) => as(['monitoring_officer'], agencyId);
const inspector = as(['inspector'], 'thanh-tra-tinh');
const admin = as(['admin'], null);

/**
 * Given directive d-1 of ubnd-tinh (its office vp-ubnd-tinh enters it),
 * monitored by so-ldtbxh: task 1 to Mường Lát and Bá Thước (lead) with Sở
 * Tài chính coordinating, task 2 to Sở Y tế; in 2025 Sở Y tế's work moves
 * to Sở Nội vụ, and the monitoring to Sở Nông nghiệp và Môi trường.
 */
const MUONG_LAT = assignmentId('1', 'h-muong-lat');
const BA_THUOC = assignmentId('1', 'h-ba-thuoc');
const SO_TC = assignmentId('1', 'so-tc', 'coordinating');
const SO_YT = assignmentId('2', 'so-yt');
const story = new Story()
  .issue([
    { number: '1', deadline: '2017-06-30', lead: ['h-muong-lat', 'h-ba-thuoc'], coordinating: ['so-tc'] },
    { number: '2', deadline: null, lead: ['so-yt'] },
  ])
  .progress(MUONG_LAT, '2017-03-01', 20)
  .recordAt('2025-03-05T09:00:00+07:00')
  .transfer('so-yt', 'so-nv', '2025-03-01')
  .transfer('so-ldtbxh', 'so-nnmt', '2025-03-01', 'monitoring');
const docs = story.docs();
const doc = (id: string) => docs.get(id) as unknown as AssignmentDoc;
const all = [MUONG_LAT, BA_THUOC, SO_TC, SO_YT].map(doc);
const directive = (() => {
  const found = new Map<string, Document>();
  applyWrites(found, writesOf(directivesProjection, story.events));
  return found.get('d-1') as DirectiveDoc;
})();
/** What the query gives mayReadDirective: the assignments of the directive the reader's agency holds or has held. */
const heldBy = (agencyId: string | null) => all.filter((a) => agencyId !== null && hasHeld(a, agencyId));

describe('read scope: who reads what of the report projection', () => {
  describe('readScopeOf', () => {
    it.each([
      ['an inspector', inspector, { all: true }],
      ['an admin', admin, { all: true }],
      ['an agency officer', officer('h-muong-lat'), { all: false, agencyId: 'h-muong-lat', monitors: false }],
      ['a monitoring officer', monitoring('so-ldtbxh'), { all: false, agencyId: 'so-ldtbxh', monitors: true }],
      [
        'an agency and monitoring officer',
        as(['agency_officer', 'monitoring_officer'], 'so-yt'),
        { all: false, agencyId: 'so-yt', monitors: true },
      ],
      ['an agency officer who is an inspector too', as(['agency_officer', 'inspector'], 'so-yt'), { all: true }],
      ['an agency officer whose token names no agency', officer(null), { all: false, agencyId: null, monitors: false }],
    ])('%s', (_, principal, scope) => {
      expect(readScopeOf(principal)).toEqual(scope);
    });
  });

  describe('an assignment (its timeline, its state)', () => {
    it('an agency officer reads the assignments its agency holds, lead or coordinating, and not another agency’s', () => {
      expect(mayReadAssignment(officer('h-muong-lat'), doc(MUONG_LAT))).toBe(true);
      expect(mayReadAssignment(officer('so-tc'), doc(SO_TC))).toBe(true);
      expect(mayReadAssignment(officer('h-muong-lat'), doc(BA_THUOC))).toBe(false);
      expect(mayReadAssignment(officer('h-ba-thuoc'), doc(MUONG_LAT))).toBe(false);
    });

    it('after a transfer, both the agency assigned and its successor read it', () => {
      expect(hasHeld(doc(SO_YT), 'so-yt')).toBe(true);
      expect(hasHeld(doc(SO_YT), 'so-nv')).toBe(true);
      expect(hasHeld(doc(MUONG_LAT), 'so-nv')).toBe(false);
      expect(mayReadAssignment(officer('so-yt'), doc(SO_YT))).toBe(true);
      expect(mayReadAssignment(officer('so-nv'), doc(SO_YT))).toBe(true);
      expect(mayReadAssignment(officer('so-nv'), doc(MUONG_LAT))).toBe(false);
    });

    it('is decided on the document as it is now: knownAt before the transfer does not take it from the successor', () => {
      const before = asKnownAt(doc(SO_YT), '2017-12-31T00:00:00Z') as AssignmentDoc;
      expect(before.heldBy).toBeUndefined();
      expect(mayReadAssignment(officer('so-nv'), before)).toBe(false);
      expect(mayReadAssignment(officer('so-nv'), doc(SO_YT))).toBe(true);
    });

    it('an agency officer of the monitoring agency or the issuer reads only what its agency holds', () => {
      for (const agency of ['so-ldtbxh', 'so-nnmt', 'ubnd-tinh']) expect(mayReadAssignment(officer(agency), doc(MUONG_LAT))).toBe(false);
    });

    it('a monitoring officer of the issuer, the monitoring agency or one that monitored it reads every assignment of the directive', () => {
      for (const agency of ['ubnd-tinh', 'so-ldtbxh', 'so-nnmt'])
        for (const a of all)
          expect({ agency, id: a._id, may: mayReadAssignment(monitoring(agency), a) }).toEqual({ agency, id: a._id, may: true });
    });

    it('a monitoring officer of an addressed agency reads its own assignments only, as an agency officer does', () => {
      expect(mayReadAssignment(monitoring('h-ba-thuoc'), doc(BA_THUOC))).toBe(true);
      expect(mayReadAssignment(monitoring('h-ba-thuoc'), doc(MUONG_LAT))).toBe(false);
      expect(mayReadAssignment(monitoring('so-nv'), doc(SO_YT))).toBe(true);
      expect(mayReadAssignment(monitoring('so-nv'), doc(MUONG_LAT))).toBe(false);
    });

    it("a monitoring officer of the issuer's office reads every assignment, as the issuer does; an agency officer of it does not", () => {
      for (const a of all) expect(mayReadAssignment(monitoring('vp-ubnd-tinh'), a)).toBe(true);
      expect(mayReadAssignment(officer('vp-ubnd-tinh'), doc(MUONG_LAT))).toBe(false);
      const withoutOffice = { ...doc(MUONG_LAT), issuerOffice: undefined };
      expect(mayReadAssignment(monitoring('vp-ubnd-tinh'), withoutOffice)).toBe(false);
    });

    it('inspectors and admins read every assignment; a token without an agency reads none', () => {
      for (const a of all) {
        expect(mayReadAssignment(inspector, a)).toBe(true);
        expect(mayReadAssignment(admin, a)).toBe(true);
        expect(mayReadAssignment(officer(null), a)).toBe(false);
        expect(mayReadAssignment(monitoring(null), a)).toBe(false);
      }
    });

    it('names as overseers the issuer and every agency that has monitored the directive', () => {
      expect(overseersOfAssignment(doc(MUONG_LAT))).toEqual(['ubnd-tinh', 'vp-ubnd-tinh', 'so-nnmt', 'so-ldtbxh', 'so-nnmt']);
      expect(overseersOfAssignment(doc(SO_YT))).toEqual(['ubnd-tinh', 'vp-ubnd-tinh', 'so-nnmt', 'so-ldtbxh', 'so-nnmt']);
      expect(overseersOfAssignment({ issuer: 'ubnd-tinh', monitoringAgency: 'so-ldtbxh', facts: {} })).toEqual([
        'ubnd-tinh',
        undefined,
        'so-ldtbxh',
      ]);
      expect(overseersOfDirective(directive)).toEqual(['ubnd-tinh', 'vp-ubnd-tinh', 'so-ldtbxh', 'so-ldtbxh', 'so-nnmt']);
      expect(overseersOfDirective({ ...directive, issuerOffice: undefined, changes: undefined })).toEqual(['ubnd-tinh', 'so-ldtbxh']);
    });
  });

  describe('a directive (its header and tasks)', () => {
    it('an agency officer reads the directives addressed to its agency, by an assignment it holds or has held', () => {
      for (const agency of ['h-muong-lat', 'h-ba-thuoc', 'so-tc', 'so-yt', 'so-nv'])
        expect({ agency, may: mayReadDirective(officer(agency), directive, heldBy(agency)) }).toEqual({ agency, may: true });
    });

    it('an agency officer of an agency not addressed does not, even of its monitoring agency or issuer', () => {
      for (const agency of ['hdnd-tinh', 'so-ldtbxh', 'ubnd-tinh'])
        expect({ agency, may: mayReadDirective(officer(agency), directive, heldBy(agency)) }).toEqual({ agency, may: false });
    });

    it('a monitoring officer reads the directives its agency issued, monitors or monitored, or is addressed in', () => {
      for (const agency of ['ubnd-tinh', 'vp-ubnd-tinh', 'so-ldtbxh', 'so-nnmt', 'h-ba-thuoc'])
        expect({ agency, may: mayReadDirective(monitoring(agency), directive, heldBy(agency)) }).toEqual({ agency, may: true });
      for (const agency of ['hdnd-tinh', 'so-gddt'])
        expect({ agency, may: mayReadDirective(monitoring(agency), directive, heldBy(agency)) }).toEqual({ agency, may: false });
    });

    it('inspectors and admins read every directive; a token without an agency reads none', () => {
      expect(mayReadDirective(inspector, directive, [])).toBe(true);
      expect(mayReadDirective(admin, directive, [])).toBe(true);
      expect(mayReadDirective(officer(null), directive, all)).toBe(false);
      expect(mayReadDirective(monitoring(null), directive, all)).toBe(false);
    });
  });

  describe('the agency a list, a summary or the scorecards are narrowed to', () => {
    it("is an agency officer's own when it asks for none", () => {
      expect(agencyFilterOf(officer('h-muong-lat'), undefined)).toBe('h-muong-lat');
      expect(agencyFilterOf(officer(null), undefined)).toBeUndefined();
    });

    it('is the one asked for, else none (the whole scope) for monitoring officers, inspectors and admins', () => {
      expect(agencyFilterOf(officer('h-muong-lat'), 'h-ba-thuoc')).toBe('h-ba-thuoc');
      for (const reader of [monitoring('so-ldtbxh'), inspector, admin]) {
        expect(agencyFilterOf(reader, undefined)).toBeUndefined();
        expect(agencyFilterOf(reader, 'h-ba-thuoc')).toBe('h-ba-thuoc');
      }
    });

    it('is refused when an agency officer names another agency; monitoring officers, inspectors and admins name any', () => {
      expect(agencyFilterRefusal(officer('h-muong-lat'), 'h-muong-lat')).toBeNull();
      expect(agencyFilterRefusal(officer('h-muong-lat'), undefined)).toBeNull();
      expect(agencyFilterRefusal(officer('h-muong-lat'), 'h-ba-thuoc')).toBe(
        'An agency officer of h-muong-lat reads the assignments, summary and scorecard of its own agency, not of h-ba-thuoc',
      );
      expect(agencyFilterRefusal(officer(null), 'h-ba-thuoc')).toBe(
        'Your token names no agency, and only inspectors and admins read without one',
      );
      for (const reader of [monitoring('so-ldtbxh'), inspector, admin]) expect(agencyFilterRefusal(reader, 'h-ba-thuoc')).toBeNull();
    });
  });

  describe('refusals name why', () => {
    it('of an assignment', () => {
      expect(assignmentRefusal(officer('h-muong-lat'), doc(MUONG_LAT))).toBeNull();
      expect(assignmentRefusal(inspector, doc(MUONG_LAT))).toBeNull();
      expect(assignmentRefusal(officer('h-ba-thuoc'), doc(MUONG_LAT))).toBe(
        `Assignment ${MUONG_LAT} (task 1 of d-1/UBND-VX) is not held by h-ba-thuoc, nor was it: ` +
          "an agency officer reads the directives addressed to its agency, and of them its agency's assignments only",
      );
      expect(assignmentRefusal(monitoring('h-ba-thuoc'), doc(MUONG_LAT))).toBe(
        `Assignment ${MUONG_LAT} (task 1 of d-1/UBND-VX) is not held by h-ba-thuoc, nor was it: ` +
          'a monitoring officer reads the directives addressed to its agency (their assignments of it) and all of those its agency issued or monitors',
      );
      expect(assignmentRefusal(officer(null), doc(MUONG_LAT))).toBe(
        'Your token names no agency, and only inspectors and admins read without one',
      );
    });

    it('of a directive', () => {
      expect(directiveRefusal(officer('h-muong-lat'), { directive, assignments: heldBy('h-muong-lat') })).toBeNull();
      expect(directiveRefusal(officer('hdnd-tinh'), { directive, assignments: [] })).toBe(
        'Directive d-1/UBND-VX is not addressed to hdnd-tinh: ' +
          "an agency officer reads the directives addressed to its agency, and of them its agency's assignments only",
      );
      expect(directiveRefusal(monitoring('hdnd-tinh'), { directive, assignments: [] })).toBe(
        'Directive d-1/UBND-VX is not addressed to hdnd-tinh, nor issued or monitored by it: ' +
          'a monitoring officer reads the directives addressed to its agency (their assignments of it) and all of those its agency issued or monitors',
      );
      expect(directiveRefusal(monitoring(null), { directive, assignments: [] })).toBe(
        'Your token names no agency, and only inspectors and admins read without one',
      );
    });

    it("of a task's timeline: refused only when none of the task's assignments is the reader's", () => {
      const task1 = { taskNumber: '1', assignments: [doc(MUONG_LAT), doc(BA_THUOC), doc(SO_TC)] };
      expect(taskRefusal(officer('h-ba-thuoc'), task1)).toBeNull();
      expect(taskRefusal(officer('so-tc'), task1)).toBeNull();
      expect(taskRefusal(monitoring('so-ldtbxh'), task1)).toBeNull();
      expect(taskRefusal(officer('so-yt'), task1)).toBe(
        'No assignment of task 1 of d-1/UBND-VX is held by so-yt, nor was one: ' +
          "an agency officer reads the directives addressed to its agency, and of them its agency's assignments only",
      );
      expect(taskRefusal(officer(null), task1)).toBe('Your token names no agency, and only inspectors and admins read without one');
      expect(taskRefusal(officer('so-yt'), { taskNumber: '9', assignments: [] })).toBe(
        'No assignment of task 9 is held by so-yt, nor was one: ' +
          "an agency officer reads the directives addressed to its agency, and of them its agency's assignments only",
      );
      expect(taskRefusal(inspector, { taskNumber: '9', assignments: [] })).toBeNull();
      expect(taskRefusal(admin, task1)).toBeNull();
    });

    it('as a 403 through the policy (ForbiddenError)', () => {
      expect(() => authorize(reportingPolicy.readAssignment, officer('h-ba-thuoc'), doc(MUONG_LAT))).toThrow(ForbiddenError);
      expect(() => authorize(reportingPolicy.readAgency, officer('h-ba-thuoc'), 'h-muong-lat')).toThrow(/not of h-muong-lat/);
      expect(() => authorize(reportingPolicy.readDirective, monitoring('so-nnmt'), { directive, assignments: [] })).not.toThrow();
      expect(() => authorize(reportingPolicy.readTask, officer('so-yt'), { taskNumber: '1', assignments: [doc(MUONG_LAT)] })).toThrow(
        /task 1/,
      );
    });
  });
});
