import { documentTypeName } from './document-type';

describe('documentTypeName', () => {
  it('names the kinds of document it knows, and shows any other as recorded', () => {
    expect(documentTypeName('cong-van')).toBe('Công văn');
    expect(documentTypeName('to-trinh')).toBe('to-trinh');
  });

  it('shows a type named like a property of every object as recorded, not as that property', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(documentTypeName(type)).toBe(type);
  });
});
