import { EVENT_TYPES } from '@dm/contracts';
import { ProjectionSpecification } from '@dm/eventsourcing/testing';
import { Story } from '../story.fixtures';
import { currentTasks, directiveListEntry, directivesProjection, directiveView, type DirectiveDoc } from './directives.projection';

const story = new Story()
  .issue([
    { number: '1', deadline: '2017-03-31', lead: ['so-tc'] },
    { number: '2', deadline: null, lead: ['h-1', 'h-2'] },
  ])
  .changeDeadline('1', '2017-03-31', '2017-06-30', '2017-03-20')
  .cancel('2', '2017-04-01')
  .changeDeadline('1', '2017-06-30', '2017-09-30', '2017-06-25');
const given = ProjectionSpecification.for(directivesProjection);

describe('directives projection', () => {
  it('keeps the directive as issued, and each change under its revision', () => {
    given.given(story.events).then((docs) => {
      expect([...docs.keys()]).toEqual(['d-1']);
      const doc = docs.get('d-1') as DirectiveDoc;
      expect(doc).toMatchObject({
        created: true,
        directiveId: 'd-1',
        number: 'd-1/UBND-VX',
        issuer: 'ubnd-tinh',
        issuedOn: '2017-02-10',
        monitoringAgency: 'so-ldtbxh',
        registryVersion: 'test@1',
        legalBasis: ['01/CT-TTg'],
        assignmentCount: 3,
        rev: { d: 3 },
      });
      expect(Object.keys(doc.changes ?? {})).toEqual(['r1', 'r2', 'r3']);
      expect(doc.changes?.r2).toMatchObject({
        type: EVENT_TYPES.taskCancelled,
        revision: 2,
        data: { taskNumber: '2', cancelledOn: '2017-04-01' },
      });
    });
  });

  it('folds the changes into the tasks in stream order, also when the stream is delivered twice or mixed with others', () => {
    const others = new Story('d-2')
      .issue([{ number: '1', deadline: null, lead: ['so-tc'] }])
      .progress('d-2-1-so-tc-lead', '2017-03-01').events;
    const mixed = story.events.flatMap((e, i) => [e, ...(others[i] ? [others[i]] : [])]);
    for (const events of [story.events, [...story.events, ...story.events], mixed]) {
      const doc = given.given(events).documents().get('d-1') as DirectiveDoc;
      expect(currentTasks(doc, '2017-12-31')).toEqual([
        expect.objectContaining({
          number: '1',
          deadline: '2017-09-30',
          cancelled: false,
          deadlineChanges: [
            { from: '2017-03-31', to: '2017-06-30', reason: 'Gia hạn', authorizingDocument: '1/UBND', changedOn: '2017-03-20' },
            { from: '2017-06-30', to: '2017-09-30', reason: 'Gia hạn', authorizingDocument: '1/UBND', changedOn: '2017-06-25' },
          ],
        }),
        expect.objectContaining({ number: '2', deadline: null, cancelled: true, cancelledOn: '2017-04-01', deadlineChanges: [] }),
      ]);
    }
  });

  it('takes only directive events; a change seen before its directive is kept, not shown as created', () => {
    const progress = new Story().issue([{ number: '1', deadline: null, lead: ['so-tc'] }]).progress('d-1-1-so-tc-lead', '2017-03-01')
      .events[1];
    expect(directivesProjection.evolve(progress)).toEqual([]);
    const early = given.given([story.events[1]]).documents().get('d-1') as DirectiveDoc;
    expect(early.created).toBeUndefined();
  });

  it('answers the list entry and the view without its bookkeeping', () => {
    const doc = given.given(story.events).documents().get('d-1') as DirectiveDoc;
    expect(directiveListEntry(doc)).toEqual({
      id: 'd-1',
      number: 'd-1/UBND-VX',
      type: 'cong-van',
      issuer: 'ubnd-tinh',
      issuedOn: '2017-02-10',
      subject: 'Giảm nghèo bền vững',
      monitoringAgency: 'so-ldtbxh',
      taskCount: 2,
      assignmentCount: 3,
    });
    const view = directiveView(doc, '2017-12-31');
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['_id', 'rev', 'created', 'changes']));
    expect(view).toMatchObject({ id: 'd-1', directiveId: 'd-1', tasks: currentTasks(doc, '2017-12-31') });
  });
});
