import { REGISTRY_EVENT_TYPES as T, type RegistryEvent } from '@dm/contracts';
import { IllegalStateError, RuleViolationError, ValidationError } from '@dm/eventsourcing';
import { defaultEditions } from './default-registry';
import { editionChanges, editionFromCsv, parseEdition } from './edition';
import { decideImport, registryDecider } from './registry.decider';
import { membersOn, nameOn, type RegistryState } from './registry-state';

const about = { reason: 'Lập danh mục cơ quan', authorizingDocument: 'QĐ 1/QĐ-UBND' };
const HEADER = 'id,name,kind,parent,groups,aliases,validFrom,validTo,successors';

/** A province, one department, one district, and two groups, valid from 01/01/2016. */
const first = () =>
  parseEdition({
    ...about,
    edition: 'e-2016',
    effectiveOn: '2016-01-01',
    groups: [
      { id: 'so-ban-nganh', name: 'Các sở' },
      { id: 'ubnd-huyen', name: 'UBND các huyện' },
    ],
    agencies: [
      { id: 'ubnd-tinh', name: 'UBND tỉnh', kind: 'province', parent: null },
      { id: 'so-a', name: 'Sở A', kind: 'department', parent: 'ubnd-tinh', groups: ['so-ban-nganh'] },
      { id: 'h-a', name: 'UBND huyện A', kind: 'district', parent: 'ubnd-tinh', groups: ['ubnd-huyen'] },
    ],
  });

/**
 * From 01/01/2020: a new group and a new commune (from 01/07/2020), Sở A renamed and out of the departments,
 * the district ended on 30/06/2020 with the commune as successor, and the districts' group ended the same day.
 */
const second = () =>
  parseEdition({
    reason: 'Sắp xếp đơn vị hành chính',
    authorizingDocument: 'NQ 2/NQ-HĐND',
    edition: 'e-2020',
    effectiveOn: '2020-01-01',
    groups: [
      { id: 'so-ban-nganh', name: 'Các sở' },
      { id: 'ubnd-huyen', name: 'UBND các huyện', validTo: '2020-06-30' },
      { id: 'ubnd-xa', name: 'UBND các xã' },
    ],
    agencies: [
      { id: 'ubnd-tinh', name: 'UBND tỉnh', kind: 'province', parent: null },
      { id: 'so-a', name: 'Sở A mới', kind: 'department', parent: 'ubnd-tinh', aliases: ['Sở A'], groups: [] },
      {
        id: 'h-a',
        name: 'UBND huyện A',
        kind: 'district',
        parent: 'ubnd-tinh',
        groups: ['ubnd-huyen'],
        validTo: '2020-06-30',
        successors: [{ agencyId: 'xa-b' }],
      },
      { id: 'xa-b', name: 'UBND xã B', kind: 'commune', parent: 'ubnd-tinh', groups: ['ubnd-xa'], validFrom: '2020-07-01' },
    ],
  });

const fold = (state: RegistryState, events: RegistryEvent[]) => events.reduce(registryDecider.evolve, state);
const imported = (...editions: ReturnType<typeof parseEdition>[]) =>
  editions.reduce((state, edition) => fold(state, decideImport(edition, state)), registryDecider.initialState());

const refusal = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('editionFromCsv', () => {
  const csvAbout = { edition: 'e-csv', effectiveOn: '2025-07-01', ...about };

  it('maps the columns onto agencies, splits `;` lists, reads successors with and without duties, and makes group rows groups', () => {
    const csv = [
      HEADER,
      'so-ban-nganh,Các sở,group,,,,2016-01-01,,',
      'ubnd-huyen,UBND các huyện,group,,,,,2025-06-30,',
      'so-a,Sở A,department,ubnd-tinh,so-ban-nganh; khoi-vx,Sở A cũ;Sở A (cũ),2016-01-01,2025-02-28,so-b:lao động; so-c : trẻ em;so-d;so-e:',
      'ubnd-tinh,UBND tỉnh,province,,,,,,',
    ].join('\n');
    expect(editionFromCsv(csv, { ...csvAbout, source: 'tệp CSV' })).toEqual({
      ...csvAbout,
      source: 'tệp CSV',
      groups: [
        { id: 'so-ban-nganh', name: 'Các sở', validFrom: '2016-01-01' },
        { id: 'ubnd-huyen', name: 'UBND các huyện', validTo: '2025-06-30' },
      ],
      agencies: [
        {
          id: 'so-a',
          name: 'Sở A',
          kind: 'department',
          parent: 'ubnd-tinh',
          groups: ['so-ban-nganh', 'khoi-vx'],
          aliases: ['Sở A cũ', 'Sở A (cũ)'],
          validFrom: '2016-01-01',
          validTo: '2025-02-28',
          successors: [
            { agencyId: 'so-b', duties: 'lao động' },
            { agencyId: 'so-c', duties: 'trẻ em' },
            { agencyId: 'so-d', duties: null },
            { agencyId: 'so-e', duties: null },
          ],
        },
        // empty cells say nothing: no parent, groups or aliases stated
        { id: 'ubnd-tinh', name: 'UBND tỉnh', kind: 'province', successors: [] },
      ],
    });
  });

  it('reads quoted cells that contain commas (and the BOM an office spreadsheet writes)', () => {
    const csv = `\uFEFF${HEADER}\n"h-a","UBND huyện A, tỉnh Thanh Hóa",district,ubnd-tinh,ubnd-huyen,"Huyện A, cũ;UBND A",,,"xa-b:dân cư, đất đai"\n`;
    const edition = parseEdition(editionFromCsv(csv, csvAbout));
    expect(edition.agencies).toEqual([
      {
        id: 'h-a',
        name: 'UBND huyện A, tỉnh Thanh Hóa',
        kind: 'district',
        parent: 'ubnd-tinh',
        groups: ['ubnd-huyen'],
        aliases: ['Huyện A, cũ', 'UBND A'],
        successors: [{ agencyId: 'xa-b', duties: 'dân cư, đất đai' }],
      },
    ]);
    expect(edition.groups).toEqual([]);
  });

  it('refuses an unknown column at field `file`, naming it, even in a file of a header alone', () => {
    for (const csv of ['id,ten,kind\nso-a,Sở A,department\n', 'id,ten,kind\n']) {
      const error = refusal(() => editionFromCsv(csv, csvAbout));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'file', message: expect.stringContaining('ten') });
    }
  });

  it('refuses text that is not CSV (an unclosed quote, a row longer than the header) at field `file`', () => {
    for (const csv of [`${HEADER}\n"so-a,Sở A,department\n`, 'id,name,kind\nso-a,Sở A,department,extra\n']) {
      const error = refusal(() => editionFromCsv(csv, csvAbout));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'file', message: expect.stringMatching(/^not a CSV edition/) });
    }
  });

  it('gives an edition the registry loads: the CSV form of the first edition decides what the JSON form does', () => {
    const csv = [
      HEADER,
      'so-ban-nganh,Các sở,group,,,,,,',
      'ubnd-huyen,UBND các huyện,group,,,,,,',
      'ubnd-tinh,UBND tỉnh,province,,,,,,',
      'so-a,Sở A,department,ubnd-tinh,so-ban-nganh,,,,',
      'h-a,UBND huyện A,district,ubnd-tinh,ubnd-huyen,,,,',
    ].join('\n');
    const fromCsv = parseEdition(editionFromCsv(csv, { edition: 'e-2016', effectiveOn: '2016-01-01', ...about }));
    const state = registryDecider.initialState();
    expect(decideImport(fromCsv, state)).toEqual(decideImport(first(), state));
  });
});

describe('parseEdition', () => {
  const valid = () => ({
    ...about,
    edition: 'e',
    effectiveOn: '2016-01-01',
    groups: [{ id: 'g', name: 'G' }],
    agencies: [
      { id: 'so-a', name: 'Sở A', kind: 'department' },
      { id: 'so-b', name: 'Sở B', kind: 'department', successors: [{ agencyId: 'so-a' }] },
    ],
  });

  it('fills the defaults of a valid edition', () => {
    const edition = parseEdition(valid());
    expect(edition.agencies[0]).toEqual({ id: 'so-a', name: 'Sở A', kind: 'department', successors: [] });
    expect(edition.agencies[1].successors).toEqual([{ agencyId: 'so-a', duties: null }]);
  });

  it.each([
    ['agencies[0].kind', (e: ReturnType<typeof valid>) => ({ ...e, agencies: [{ ...e.agencies[0], kind: 'city' }, e.agencies[1]] })],
    ['agencies[1].id', (e: ReturnType<typeof valid>) => ({ ...e, agencies: [e.agencies[0], { ...e.agencies[1], id: 'Sở B' }] })],
    [
      'agencies[1].successors[0].agencyId',
      (e: ReturnType<typeof valid>) => ({ ...e, agencies: [e.agencies[0], { ...e.agencies[1], successors: [{ agencyId: 'So B' }] }] }),
    ],
    ['groups[0].validFrom', (e: ReturnType<typeof valid>) => ({ ...e, groups: [{ ...e.groups[0], validFrom: '2017-02-30' }] })],
    ['effectiveOn', (e: ReturnType<typeof valid>) => ({ ...e, effectiveOn: '01/01/2016' })],
    ['reason', (e: ReturnType<typeof valid>) => ({ ...e, reason: '   ' })],
  ])('names the path of a bad field: %s', (field, spoil) => {
    const error = refusal(() => parseEdition(spoil(valid())));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, message: expect.stringMatching(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `)) });
  });

  it('refuses a row with a field the edition does not know, at the row', () => {
    const e = valid();
    const error = refusal(() => parseEdition({ ...e, agencies: [e.agencies[0], { ...e.agencies[1], members: [] }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'agencies[1]' });
  });
});

describe('editionChanges', () => {
  it('lists new groups, new agencies, renames and membership changes of known agencies, ends of agencies, then ends of groups', () => {
    const changes = editionChanges(second(), imported(first()));
    expect(changes.map((c) => [c.change.type, c.row, c.change.data.id])).toEqual([
      ['CreateGroup', 'groups[2]', 'ubnd-xa'],
      ['CreateAgency', 'agencies[3]', 'xa-b'],
      ['RenameAgency', 'agencies[1]', 'so-a'],
      ['ChangeGroupMembers', 'agencies[1]', 'so-ban-nganh'],
      ['EndAgency', 'agencies[2]', 'h-a'],
      ['EndGroup', 'groups[1]', 'ubnd-huyen'],
    ]);
    const [, created, renamed, members, ended] = changes.map((c) => c.change.data);
    expect(created).toMatchObject({ groups: ['ubnd-xa'], validFrom: '2020-07-01', parent: 'ubnd-tinh' });
    expect(renamed).toMatchObject({ name: 'Sở A mới', aliases: ['Sở A'], effectiveOn: '2020-01-01' });
    expect(members).toEqual({
      reason: 'Sắp xếp đơn vị hành chính',
      authorizingDocument: 'NQ 2/NQ-HĐND',
      id: 'so-ban-nganh',
      effectiveOn: '2020-01-01',
      add: [],
      remove: ['so-a'],
    });
    expect(ended).toMatchObject({ validTo: '2020-06-30', successors: [{ agencyId: 'xa-b', duties: null }] });
  });

  it('starts new groups and agencies without a validFrom of their own on the edition’s effectiveOn', () => {
    const changes = editionChanges(first(), registryDecider.initialState());
    expect(changes.map((c) => [c.change.type, c.row])).toEqual([
      ['CreateGroup', 'groups[0]'],
      ['CreateGroup', 'groups[1]'],
      ['CreateAgency', 'agencies[0]'],
      ['CreateAgency', 'agencies[1]'],
      ['CreateAgency', 'agencies[2]'],
    ]);
    expect(changes.map((c) => ('validFrom' in c.change.data ? c.change.data.validFrom : null))).toEqual(Array(5).fill('2016-01-01'));
    expect(changes[0].change.data).toMatchObject({ members: [] });
  });

  it('adds a known agency to the groups its row gains, from the edition’s effectiveOn', () => {
    const edition = parseEdition({
      ...about,
      edition: 'e-2018',
      effectiveOn: '2018-03-01',
      agencies: [{ id: 'h-a', name: 'UBND huyện A', kind: 'district', parent: 'ubnd-tinh', groups: ['ubnd-huyen', 'so-ban-nganh'] }],
    });
    const before = imported(first());
    expect(editionChanges(edition, before).map((c) => c.change)).toEqual([
      {
        type: 'ChangeGroupMembers',
        data: { ...about, id: 'so-ban-nganh', effectiveOn: '2018-03-01', add: ['h-a'], remove: [] },
      },
    ]);
    const after = fold(before, decideImport(edition, before));
    expect(membersOn(after, after.groups['so-ban-nganh'], '2018-02-28')).toEqual(['so-a']);
    expect(membersOn(after, after.groups['so-ban-nganh'], '2018-03-01')).toEqual(['so-a', 'h-a']);
  });

  it('never removes an agency (nor a membership) the edition does not list', () => {
    const before = imported(first());
    const edition = parseEdition({
      ...about,
      edition: 'only-the-province',
      effectiveOn: '2019-01-01',
      agencies: [{ id: 'ubnd-tinh', name: 'UBND tỉnh', kind: 'province' }],
    });
    expect(editionChanges(edition, before)).toEqual([]);
    expect(decideImport(edition, before)).toEqual([]);
    expect(before.agencies['h-a'].to).toBeNull();
    expect(membersOn(before, before.groups['ubnd-huyen'], '2019-01-01')).toEqual(['h-a']);
  });

  /** An edition of one row for district h-a, from 01/01/2019. */
  const row = (extra: object) =>
    parseEdition({
      ...about,
      edition: 'rows',
      effectiveOn: '2019-01-01',
      agencies: [{ id: 'h-a', name: 'UBND huyện A', kind: 'district', ...extra }],
    });

  it('leaves a known agency’s groups and aliases as they are when its row does not state them, and clears them when it states none', () => {
    const before = imported(first());
    expect(decideImport(row({}), before)).toEqual([]);
    expect(decideImport(row({ groups: [] }), before)).toEqual([
      expect.objectContaining({ type: 'registry.group-members-changed', data: expect.objectContaining({ removed: ['h-a'] }) }),
    ]);
  });

  it('compares no name or group of a row the edition ends before its date', () => {
    const before = imported(first());
    const ended = parseEdition({
      ...about,
      edition: 'late',
      effectiveOn: '2025-07-01',
      agencies: [{ id: 'h-a', name: 'UBND huyện A mới', kind: 'district', groups: ['so-ban-nganh'], validTo: '2025-02-28' }],
    });
    expect(decideImport(ended, before)).toEqual([
      expect.objectContaining({ type: 'registry.agency-ended', data: expect.objectContaining({ agencyId: 'h-a', validTo: '2025-02-28' }) }),
    ]);
  });

  it('creates a new agency after its new parent, whatever the order of the rows', () => {
    const edition = parseEdition({
      ...about,
      edition: 'unsorted',
      effectiveOn: '2016-01-01',
      agencies: [
        { id: 'vp', name: 'Văn phòng', kind: 'office', parent: 'p' },
        { id: 'p', name: 'UBND tỉnh', kind: 'province' },
      ],
    });
    expect(decideImport(edition, registryDecider.initialState()).map((e) => (e.data as { agencyId: string }).agencyId)).toEqual([
      'p',
      'vp',
    ]);
  });

  it('refuses a row that gives a known agency another kind, parent or first day, naming the field', () => {
    const before = imported(first());
    for (const [extra, field] of [
      [{ kind: 'commune' }, 'agencies[0].kind'],
      [{ parent: 'h-a' }, 'agencies[0].parent'],
      [{ validFrom: '2015-01-01' }, 'agencies[0].validFrom'],
    ] as const) {
      const error = refusal(() => decideImport(row(extra), before));
      expect(error).toBeInstanceOf(RuleViolationError);
      expect(error).toMatchObject({ field });
    }
  });
});

describe('decideImport of an edition', () => {
  it('decides the events of each difference, in order, and the registry folds them', () => {
    const before = imported(first());
    const events = decideImport(second(), before);
    expect(events.map((e) => e.type)).toEqual([
      T.groupCreated,
      T.agencyCreated,
      T.agencyRenamed,
      T.groupMembersChanged,
      T.agencyEnded,
      T.groupEnded,
    ]);
    expect(events[2].data).toEqual({
      reason: 'Sắp xếp đơn vị hành chính',
      authorizingDocument: 'NQ 2/NQ-HĐND',
      agencyId: 'so-a',
      previousName: 'Sở A',
      name: 'Sở A mới',
      aliases: ['Sở A'],
      effectiveOn: '2020-01-01',
    });
    const after = fold(before, events);
    expect(nameOn(after.agencies['so-a'], '2019-12-31').name).toBe('Sở A');
    expect(nameOn(after.agencies['so-a'], '2020-01-01').name).toBe('Sở A mới');
    expect(membersOn(after, after.groups['so-ban-nganh'], '2019-12-31')).toEqual(['so-a']);
    expect(membersOn(after, after.groups['so-ban-nganh'], '2020-01-01')).toEqual([]);
    expect(after.agencies['h-a']).toMatchObject({ to: '2020-06-30', successors: [{ agencyId: 'xa-b', duties: null }] });
    expect(after.groups['ubnd-huyen'].to).toBe('2020-06-30');
    expect(membersOn(after, after.groups['ubnd-xa'], '2020-07-01')).toEqual(['xa-b']);
    expect(after.order).toEqual(['ubnd-tinh', 'so-a', 'h-a', 'xa-b']);
  });

  it('decides nothing when the same edition is loaded a second time', () => {
    const once = imported(first(), second());
    expect(decideImport(second(), once)).toEqual([]);
    expect(decideImport(first(), once)).toEqual([]);
    expect(editionChanges(second(), once)).toEqual([]);
  });

  it('does not reopen an agency that has ended when a row lists it without validTo, nor rename it after its end', () => {
    const state = imported(first(), second());
    const later = parseEdition({
      ...about,
      edition: 'e-2021',
      effectiveOn: '2021-01-01',
      agencies: [{ id: 'h-a', name: 'UBND huyện A (mới)', kind: 'district', parent: 'ubnd-tinh', groups: ['ubnd-huyen'] }],
    });
    expect(editionChanges(later, state)).toEqual([]);
    expect(decideImport(later, state)).toEqual([]);
    expect(state.agencies['h-a'].to).toBe('2020-06-30');
  });

  it('refuses a row ending an agency already ended on another date (409), naming the row', () => {
    const state = imported(first(), second());
    const edition = parseEdition({
      ...about,
      edition: 'e-2021',
      effectiveOn: '2021-01-01',
      agencies: [
        { id: 'ubnd-tinh', name: 'UBND tỉnh', kind: 'province' },
        {
          id: 'h-a',
          name: 'UBND huyện A',
          kind: 'district',
          parent: 'ubnd-tinh',
          validTo: '2020-12-31',
          successors: [{ agencyId: 'xa-b' }],
        },
      ],
    });
    const error = refusal(() => decideImport(edition, state));
    expect(error).toBeInstanceOf(IllegalStateError);
    expect(error).toMatchObject({ field: expect.stringMatching(/^agencies\[1\]\./), message: expect.stringMatching(/^agencies\[1\]: /) });
    expect((error as IllegalStateError).field).toBe('agencies[1].validTo');
  });

  it('refuses a row ending an agency on the day it ended but naming other successors, and takes it naming the same or none', () => {
    const state = imported(first(), second());
    const row = (successors: object[]) =>
      parseEdition({
        ...about,
        edition: 'e-again',
        effectiveOn: '2021-01-01',
        agencies: [
          { id: 'h-a', name: 'UBND huyện A', kind: 'district', parent: 'ubnd-tinh', validTo: state.agencies['h-a'].to, successors },
        ],
      });
    expect(refusal(() => decideImport(row([{ agencyId: 'ubnd-tinh' }]), state))).toBeInstanceOf(IllegalStateError);
    expect(decideImport(row(state.agencies['h-a'].successors), state)).toEqual([]);
    expect(decideImport(row([]), state)).toEqual([]);
  });

  it('names the row of the agency at fault when a group’s membership change is refused', () => {
    // h-b joins the departments from 01/01/2020; an edition of 2018 that moves h-a out and h-b in
    // would give h-b an overlapping membership: the refusal is h-b's row, agencies[1].
    const base = parseEdition({
      ...about,
      edition: 'e-2016',
      effectiveOn: '2016-01-01',
      groups: [{ id: 'so-ban-nganh', name: 'Các sở' }],
      agencies: [
        { id: 'h-a', name: 'A', kind: 'department', groups: ['so-ban-nganh'] },
        { id: 'h-b', name: 'B', kind: 'department' },
      ],
    });
    const joins = parseEdition({
      ...about,
      edition: 'e-2020',
      effectiveOn: '2020-01-01',
      agencies: [{ id: 'h-b', name: 'B', kind: 'department', groups: ['so-ban-nganh'] }],
    });
    const state = imported(base, joins);
    const older = parseEdition({
      ...about,
      edition: 'e-2018',
      effectiveOn: '2018-01-01',
      agencies: [
        { id: 'h-a', name: 'A', kind: 'department', groups: [] },
        { id: 'h-b', name: 'B', kind: 'department', groups: ['so-ban-nganh'] },
      ],
    });
    const error = refusal(() => decideImport(older, state));
    expect(error).toBeInstanceOf(IllegalStateError);
    expect((error as IllegalStateError).field).toMatch(/^agencies\[1\]/);
  });
});

describe('decideImport of the default editions', () => {
  it('loads each edition in turn from an empty registry, each deciding events', () => {
    let state = registryDecider.initialState();
    const counts = defaultEditions().map((edition) => {
      const events = decideImport(edition, state);
      state = fold(state, events);
      return events.length;
    });
    expect(counts).toHaveLength(4);
    for (const n of counts) expect(n).toBeGreaterThan(0);
    expect(state.agencies['so-ldtbxh']).toMatchObject({ to: '2025-02-28' });
  });

  it('decides nothing when the first edition (or any other) is loaded again after all of them', () => {
    const editions = defaultEditions();
    const state = imported(...editions);
    expect(decideImport(defaultEditions()[0], state)).toEqual([]);
    for (const edition of editions) expect(decideImport(edition, state)).toEqual([]);
  });
});
