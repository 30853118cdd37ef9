import fc from 'fast-check';
import { growthRatio } from '@dm/testing';
import type { ImportRegistry } from './agencies';
import { importDirective } from './import-directive';

const registry: ImportRegistry = {
  agencies: [
    { id: 'so-yt', name: 'Sở Y tế', aliases: [], kind: 'department' },
    { id: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh Thanh Hóa', aliases: ['UBND tỉnh'], kind: 'province' },
  ],
  groups: [{ id: 'ubnd-huyen', name: 'UBND các huyện, thị xã, thành phố' }],
};

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `${i + 1}. Sở Y tế kiểm tra việc ${i + 1}.`).join('\n');

describe('importDirective on any text', () => {
  it('returns an empty draft with warnings for an empty text, never throwing', () => {
    const draft = importDirective('', registry);
    expect(draft).toMatchObject({ number: null, tasks: [], signer: null });
    expect(draft.warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['number', 'issuedOn', 'tasks']));
    expect(importDirective(undefined as unknown as string, registry).tasks).toEqual([]);
  });

  it('reads binary garbage, a megabyte on one line and 10,000 numbered lines', () => {
    const garbage = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    expect(() => importDirective(garbage, registry)).not.toThrow();
    expect(importDirective('1. Sở Y tế '.repeat(100_000), registry).tasks.length).toBeLessThanOrEqual(1);
    const many = importDirective(numbered(10_000), registry);
    expect(many.tasks).toHaveLength(10_000);
    expect(many.tasks[9_999]).toMatchObject({ number: '10000', lead: [{ agencyId: 'so-yt' }] });
  });

  it('takes time in proportion to the text', () => {
    // Four times the text: about four times the time (quadratic would be 16).
    expect(growthRatio(numbered(500), numbered(2_000), (text) => importDirective(text, registry))).toBeLessThan(8);
    // One line, within the longest a line is read to (20,000 characters).
    const line = (n: number) => 'Sở Y tế, UBND tỉnh; 1. a) - '.repeat(n);
    expect(growthRatio(line(150), line(600), (text) => importDirective(text, registry))).toBeLessThan(8);
  });

  it('gives a well-formed draft for any text', () => {
    const piece = fc.constantFrom(
      '1. ',
      'II. ',
      'a) ',
      '- ',
      '+ ',
      '\n',
      '   ',
      'Sở Y tế ',
      'chủ trì, phối hợp với ',
      'UBND các huyện, thị xã, thành phố',
      'Số: 12/CT-TTg',
      'ngày 05 tháng 3 năm 2020',
      'trước ngày 30/6/2024',
      'Kính gửi:',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
      'TT   Nội dung   Đơn vị chủ trì',
      './.',
      '2',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const draft = importDirective(t, registry, { today: '2025-01-01' });
        for (const value of Object.values(draft.confidence)) expect(value >= 0 && value <= 1).toBe(true);
        for (const task of draft.tasks) {
          expect(task.number.length).toBeGreaterThan(0);
          expect(task.number.length).toBeLessThanOrEqual(20);
          expect(task.source.from).toBeLessThanOrEqual(task.source.to);
          for (const value of Object.values(task.confidence)) expect(value >= 0 && value <= 1).toBe(true);
        }
        expect(draft.warnings.some((w) => w.message.startsWith('the text could not be read'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
