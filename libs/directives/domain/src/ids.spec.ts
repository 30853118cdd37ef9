import { assignmentIdFor, directiveIdFor, normalizeDocumentNumber } from './ids';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('directiveIdFor', () => {
  const id = directiveIdFor('ubnd-tinh', '2017-02-10', '4308/UBND-VX');

  it('is a UUIDv5, stable across calls', () => {
    expect(id).toMatch(UUID_V5);
    expect(directiveIdFor('ubnd-tinh', '2017-02-10', '4308/UBND-VX')).toBe(id);
  });

  it('is the same for the same issuer, year and number written differently', () => {
    expect(directiveIdFor('ubnd-tinh', '2017-11-30', '  4308/ubnd-vx ')).toBe(id);
    expect(directiveIdFor('ubnd-tinh', '2017-02-10', '4308/UBND-VX'.normalize('NFD'))).toBe(id);
  });

  it('differs by issuer, year and number', () => {
    expect(directiveIdFor('ubnd-huyen', '2017-02-10', '4308/UBND-VX')).not.toBe(id);
    expect(directiveIdFor('ubnd-tinh', '2018-02-10', '4308/UBND-VX')).not.toBe(id);
    expect(directiveIdFor('ubnd-tinh', '2017-02-10', '4309/UBND-VX')).not.toBe(id);
  });
});

describe('normalizeDocumentNumber', () => {
  it('applies NFC, trims, collapses whitespace and upper-cases', () => {
    expect(normalizeDocumentNumber(' 01/ct-ttg ')).toBe('01/CT-TTG');
    expect(normalizeDocumentNumber('289-qđ/tu')).toBe('289-QĐ/TU');
    expect(normalizeDocumentNumber('159/KH-\t UBND')).toBe('159/KH- UBND');
    expect(normalizeDocumentNumber('qđ'.normalize('NFD'))).toBe('QĐ'.normalize('NFC'));
  });
});

describe('assignmentIdFor', () => {
  it('is a UUIDv5 of directive, task, agency and role', () => {
    const a = assignmentIdFor('d1', '3', 'h-muong-lat', 'lead');
    expect(a).toMatch(UUID_V5);
    expect(assignmentIdFor('d1', '3', 'h-muong-lat', 'lead')).toBe(a);
    expect(assignmentIdFor('d1', '3', 'h-muong-lat', 'coordinating')).not.toBe(a);
    expect(assignmentIdFor('d1', '4', 'h-muong-lat', 'lead')).not.toBe(a);
    expect(assignmentIdFor('d2', '3', 'h-muong-lat', 'lead')).not.toBe(a);
    expect(assignmentIdFor('d1', '3', 'h-ba-thuoc', 'lead')).not.toBe(a);
  });
});

describe('ids of text that is not well-formed', () => {
  it('refuses a lone surrogate in a directive number, a task number or an agency id as invalid, not a URIError', () => {
    expect(() => directiveIdFor('ubnd-tinh', '2017-02-10', '4308\uD800')).toThrow(
      expect.objectContaining({ kind: 'invalid', field: 'number', message: 'The number is not well-formed Unicode text' }),
    );
    expect(() => assignmentIdFor('d1', '3\uDC00', 'h-muong-lat', 'lead')).toThrow(
      expect.objectContaining({ kind: 'invalid', field: 'taskNumber' }),
    );
    expect(() => assignmentIdFor('d1', '3', '\uD800', 'lead')).toThrow(expect.objectContaining({ kind: 'invalid', field: 'agencyId' }));
  });

  it('takes a surrogate pair (an emoji, a rare Han character)', () => {
    expect(assignmentIdFor('d1', '3😀', 'h-muong-lat', 'lead')).toMatch(UUID_V5);
  });
});
