import {
  DIRECTIVE_IMPORT_EVENT_TYPES as T,
  EVENT_SCHEMAS,
  type DirectiveDraft,
  type DirectiveImportEvent,
  type DraftChange,
} from '@dm/contracts';
import { IllegalStateError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import {
  applyChanges,
  CorrectDirectiveImport,
  differences,
  DiscardDirectiveImport,
  DraftDirectiveImport,
  importDraftDecider,
  issueRequestOf,
  IssueDirectiveImport,
  type ImportDraftOf,
} from './import-draft';

const given = DeciderSpecification.for(importDraftDecider);
const ID = '0190a000-0000-7000-8000-000000000001';
const D = 'directive-id';
const officer = { userId: 'chuyenvien-vp', agencyId: 'vp-ubnd-tinh' };
const meta = specMetadata({ actor: { ...officer, role: 'monitoring_officer' } });
const valid = (e: DirectiveImportEvent) => expect(EVENT_SCHEMAS[e.type][1].safeParse(e.data).success).toBe(true);

const agency = (text: string, agencyId: string | null, confidence = 0.9) => ({ text, agencyId, confidence });
const rated = { number: 1, text: 0.9, mode: 0.8, lead: 0.5, coordinating: 1, deadline: 1 };

/** A draft of two tasks as the reader might give it: task 2's second lead not placed, no monitoring agency. */
const draft = (): DirectiveDraft => ({
  number: '4308/UBND-VX',
  type: 'cong-van',
  issuer: 'ubnd-tinh',
  issuedOn: '2017-02-10',
  subject: 'V/v thực hiện Chỉ thị số 01',
  legalBasis: ['Chỉ thị số 01/CT-TTg ngày 06/01/2017'],
  addressees: ['so-ban-nganh'],
  signer: { name: 'Phạm Đặng Quyền', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' },
  monitoringAgency: null,
  tasks: [
    {
      number: '1',
      text: 'Tuyên truyền',
      mode: 'giao',
      lead: [agency('Sở Thông tin và Truyền thông', 'so-tttt')],
      coordinating: [],
      deadline: null,
      deadlineText: null,
      recurring: null,
      reportDuty: null,
      monitoring: false,
      confidence: { ...rated },
      source: { from: 30, to: 32 },
    },
    {
      number: '2',
      text: 'Hỗ trợ vốn tín dụng',
      mode: 'yeu-cau',
      lead: [agency('Ngân hàng Chính sách xã hội', 'nhcsxh'), agency('Ngân hàng thương mại', null, 0.3)],
      coordinating: [],
      deadline: '2017-12-15',
      deadlineText: 'trước ngày 15/12/2017',
      recurring: null,
      reportDuty: null,
      monitoring: false,
      confidence: { ...rated },
      source: { from: 33, to: 36 },
    },
  ],
  names: {
    issuer: agency('UBND TỈNH THANH HÓA', 'ubnd-tinh'),
    addressees: [agency('Các sở, ban, ngành', 'so-ban-nganh')],
    monitoringAgency: null,
  },
  place: 'Thanh Hóa',
  recipients: ['Như trên'],
  signature: null,
  confidence: {
    number: 0.9,
    type: 1,
    issuer: 1,
    issuedOn: 1,
    subject: 0.8,
    legalBasis: 0.7,
    addressees: 0.9,
    signer: 1,
    monitoringAgency: 0,
    tasks: 0.9,
  },
  warnings: [
    { field: 'tasks[1].lead[1]', message: '"Ngân hàng thương mại" is not placed' },
    { field: 'monitoringAgency', message: 'no item names the monitoring agency' },
  ],
});

const imported = (): DirectiveImportEvent => ({
  type: T.drafted,
  data: {
    draftId: ID,
    source: { text: 'UBND TỈNH THANH HÓA …', sha256: 'a'.repeat(64) },
    parserVersion: 'directive-import@1',
    registryOn: '2017-02-10',
    registryVersion: 'registry@r3',
    draft: draft(),
    importedBy: officer,
  },
});
const importIt = () =>
  new DraftDirectiveImport(
    {
      draftId: ID,
      text: 'UBND TỈNH THANH HÓA …',
      sha256: 'a'.repeat(64),
      parserVersion: 'directive-import@1',
      registryOn: '2017-02-10',
      registryVersion: 'registry@r3',
      draft: draft(),
    },
    meta,
  );
const correct = (change: (d: DirectiveDraft) => void, expectedRevision?: number) => {
  const corrected = draft();
  change(corrected);
  return new CorrectDirectiveImport({ draftId: ID, draft: corrected, expectedRevision }, meta);
};
const placeBank = (d: DirectiveDraft) => {
  d.tasks[1].lead[1].agencyId = 'nh-thuong-mai';
  d.monitoringAgency = 'so-ldtbxh';
};
const correctedChanges = (): DraftChange[] => [
  { field: 'monitoringAgency', from: null, to: 'so-ldtbxh' },
  { field: 'tasks[1].lead[1].agencyId', from: null, to: 'nh-thuong-mai' },
];
const corrected = (): DirectiveImportEvent => ({
  type: T.corrected,
  data: {
    draftId: ID,
    changes: correctedChanges(),
    correctedBy: officer,
  },
});
const requestOf = (d: DirectiveDraft) => issueRequestOf(d).request;
const issue = (request: unknown = requestOf(applyChanges(draft(), correctedChanges())), directiveId = D) =>
  new IssueDirectiveImport({ draftId: ID, directiveId, directiveNumber: '4308/UBND-VX', directiveEventId: 'e-1', request }, meta);
const issuedEvent = (corrections: DraftChange[] = []): DirectiveImportEvent => ({
  type: T.issued,
  data: { draftId: ID, directiveId: D, directiveNumber: '4308/UBND-VX', directiveEventId: 'e-1', corrections, issuedBy: officer },
});
const discard = () => new DiscardDirectiveImport({ draftId: ID, reason: 'Nhập nhầm văn bản' }, meta);
const discarded = (): DirectiveImportEvent => ({
  type: T.discarded,
  data: { draftId: ID, reason: 'Nhập nhầm văn bản', discardedBy: officer },
});
const stateAfter = (events: DirectiveImportEvent[]) =>
  events.reduce(importDraftDecider.evolve, importDraftDecider.initialState()) as ImportDraftOf;

describe('a directive import draft', () => {
  it('given nothing, when a text is imported, then drafted with the text, its hash, the reader, the draft and who imported', () => {
    given([]).when(importIt()).then([imported()]);
    valid(imported());
  });

  it('given a draft, the same draft id is not imported again (409)', () => {
    given([imported()]).when(importIt()).thenThrows(IllegalStateError);
  });

  it('given a draft, when it is corrected, then only the fields that changed, each from and to', () => {
    given([imported()]).when(correct(placeBank)).then([corrected()]);
    valid(corrected());
  });

  it("given a draft, a correction that changes nothing (or only the reader's confidence and warnings) writes nothing", () => {
    given([imported()])
      .when(correct(() => undefined))
      .thenNothingHappened();
    given([imported()])
      .when(
        correct((d) => {
          d.confidence.subject = 0.1;
          d.tasks[0].confidence.text = 0;
          d.tasks[0].lead[0].confidence = 0.2;
          d.warnings = [];
        }),
      )
      .thenNothingHappened();
  });

  it('a task added or removed is one change at its place', () => {
    const added = draft();
    added.tasks.push({ ...added.tasks[0], number: '3' });
    const [change] = differences(draft().tasks, added.tasks, 'tasks');
    expect(change).toEqual({ field: 'tasks[2]', to: added.tasks[2] });
    expect(differences(added.tasks, draft().tasks, 'tasks')).toEqual([{ field: 'tasks[2]', from: added.tasks[2] }]);
  });

  it('corrections folded: the draft as corrected, the corrected fields certain, the warnings on them answered', () => {
    const state = stateAfter([imported(), corrected()]);
    expect(state.revision).toBe(1);
    expect(state.draft.tasks[1].lead[1]).toEqual({ text: 'Ngân hàng thương mại', agencyId: 'nh-thuong-mai', confidence: 1 });
    expect(state.draft.tasks[1].confidence.lead).toBe(1);
    expect(state.draft.monitoringAgency).toBe('so-ldtbxh');
    expect(state.draft.confidence.monitoringAgency).toBe(1);
    expect(state.draft.warnings).toEqual([]);
    expect(state.draft.tasks[0]).toEqual(draft().tasks[0]);
  });

  it('a correction made on an older revision is refused (409 naming revision)', () => {
    given([imported(), corrected()])
      .when(correct(placeBank, 0))
      .thenThrows(IllegalStateError, (e) => expect(e.field).toBe('revision'));
    given([imported(), corrected()])
      .when(correct((d) => (d.subject = 'V/v giảm nghèo bền vững'), 1))
      .then([
        {
          type: T.corrected,
          data: {
            draftId: ID,
            correctedBy: officer,
            changes: [
              { field: 'subject', from: 'V/v thực hiện Chỉ thị số 01', to: 'V/v giảm nghèo bền vững' },
              { field: 'monitoringAgency', from: 'so-ldtbxh', to: null },
              { field: 'tasks[1].lead[1].agencyId', from: 'nh-thuong-mai', to: null },
            ],
          },
        },
      ]);
  });

  it('given a corrected draft, when it is issued as requested, then issued with the directive and no corrections', () => {
    given([imported(), corrected()]).when(issue()).then([issuedEvent()]);
    valid(issuedEvent());
  });

  it('issued with changes made in the issuing request: each difference from the draft, as the request names it', () => {
    const request = requestOf(applyChanges(draft(), correctedChanges()));
    const changed = { ...request, tasks: [request.tasks[0], { ...request.tasks[1], deadline: '2017-12-31', coordinating: ['so-tc'] }] };
    given([imported(), corrected()])
      .when(issue(changed))
      .then([
        issuedEvent([
          { field: 'tasks[1].coordinating[0]', to: 'so-tc' },
          { field: 'tasks[1].deadline', from: '2017-12-15', to: '2017-12-31' },
        ]),
      ]);
  });

  it('the second half of an issue sent again (a retry after a crash) writes nothing; another directive is refused (409)', () => {
    given([imported(), corrected(), issuedEvent()]).when(issue()).thenNothingHappened();
    given([imported(), corrected(), issuedEvent()]).when(issue(undefined, 'another-directive')).thenThrows(IllegalStateError);
  });

  it('an issued draft is not corrected, discarded or issued again (409)', () => {
    const events = [imported(), issuedEvent()];
    given(events).when(correct(placeBank)).thenThrows(IllegalStateError);
    given(events).when(discard()).thenThrows(IllegalStateError);
    expect(stateAfter(events)).toMatchObject({ status: 'issued', directiveId: D });
  });

  it('a discarded draft is not corrected or issued (409); discarding it again writes nothing', () => {
    given([imported()]).when(discard()).then([discarded()]);
    valid(discarded());
    given([imported(), discarded()]).when(correct(placeBank)).thenThrows(IllegalStateError);
    given([imported(), discarded()]).when(issue()).thenThrows(IllegalStateError);
    given([imported(), discarded()]).when(discard()).thenNothingHappened();
  });

  it('no draft: nothing is corrected, issued or discarded (409)', () => {
    given([]).when(correct(placeBank)).thenThrows(IllegalStateError);
    given([]).when(issue()).thenThrows(IllegalStateError);
  });
});

describe('issueRequestOf', () => {
  it('gives the issue request: agency ids, recurrence for recurring, the phrase, names, confidence and warnings dropped', () => {
    const d = draft();
    d.tasks[0].recurring = { every: 'year', day: 15, month: 12, phrase: 'hằng năm' };
    d.tasks[0].deadlineText = 'hằng năm';
    const { request, missing } = issueRequestOf(d);
    expect(request.tasks[0]).toEqual({
      number: '1',
      text: 'Tuyên truyền',
      mode: 'giao',
      lead: ['so-tttt'],
      coordinating: [],
      deadline: null,
      reportDuty: null,
      recurrence: { every: 'year', day: 15, month: 12, phrase: 'hằng năm' },
    });
    expect(request).not.toHaveProperty('names');
    expect(request).not.toHaveProperty('warnings');
    expect(missing).toEqual([
      { field: 'monitoringAgency', message: expect.any(String) },
      { field: 'tasks[1].lead[1].agencyId', message: expect.stringContaining('Ngân hàng thương mại') },
    ]);
  });

  it('names every field the request needs that the draft leaves empty', () => {
    const d = { ...draft(), number: null, issuer: null, issuedOn: null, signer: null, tasks: [{ ...draft().tasks[0], lead: [] }] };
    expect(issueRequestOf(d).missing.map((m) => m.field)).toEqual([
      'number',
      'issuer',
      'issuedOn',
      'signer',
      'monitoringAgency',
      'tasks[0].lead',
    ]);
  });
});
