import { LIFECYCLE_STAGES, OFFICIAL_STATUSES } from '@dm/contracts/web';
import { contrastRatio } from './contrast';
import { ALL_LOOKS, lookOf, STAGE_LOOKS, STATUS_LOOKS, stageLabel, statusLabel } from './status';
import { TONES } from './tones';

describe('status looks', () => {
  it('has a look for every official status and every stage of the contracts', () => {
    expect(Object.keys(STATUS_LOOKS).sort()).toEqual([...OFFICIAL_STATUSES].sort());
    expect(Object.keys(STAGE_LOOKS).sort()).toEqual([...LIFECYCLE_STAGES].sort());
  });

  it('uses the labels of docs/domain.md', () => {
    expect(statusLabel('completedOnTime', 'vi')).toBe('Hoàn thành đúng hạn');
    expect(statusLabel('completedLate', 'vi')).toBe('Hoàn thành quá hạn');
    expect(statusLabel('inProgressWithinDeadline', 'vi')).toBe('Đang thực hiện trong hạn');
    expect(statusLabel('overdue', 'vi')).toBe('Quá hạn chưa hoàn thành');
    expect(statusLabel('noDeadline', 'vi')).toBe('Không có thời hạn');
    expect(stageLabel('awaitingConfirmation', 'vi')).toBe('Chờ xác nhận');
    expect(stageLabel('cancelled', 'vi')).toBe('Đã hủy');
    expect(statusLabel('overdue', 'en')).toBe('Overdue, not completed');
  });

  it.each(ALL_LOOKS)('%s: its text passes WCAG AA (4.5:1) on its background and on white', (_name, look) => {
    expect(contrastRatio(look.text, look.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(look.text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(TONES))('tone %s passes WCAG AA', (_name, tone) => {
    expect(contrastRatio(tone.text, tone.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('tells statuses apart by words as well as colour', () => {
    const codes = OFFICIAL_STATUSES.map((s) => STATUS_LOOKS[s].code.vi);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('colours an assignment by its status, else by its stage', () => {
    expect(lookOf({ status: 'overdue', lifecycle: 'inProgress' })).toBe(STATUS_LOOKS.overdue);
    expect(lookOf({ status: null, lifecycle: 'cancelled' })).toBe(STAGE_LOOKS.cancelled);
  });
});

describe('contrast ratio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0958d9', '#0958d9')).toBe(1);
  });

  it("rejects AntD's default primary for white text and accepts the theme's", () => {
    expect(contrastRatio('#ffffff', '#1677ff')).toBeLessThan(4.5);
    expect(contrastRatio('#ffffff', '#0958d9')).toBeGreaterThanOrEqual(4.5);
  });
});
