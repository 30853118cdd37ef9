import { HOLIDAY_NAMES, HolidayName } from './holiday-year';

/**
 * The days off and make-up days the government announced for civil servants
 * (cán bộ, công chức, viên chức), year by year. Each year cites the documents it
 * was checked against (Văn phòng Chính phủ's công văn passing on the Prime
 * Minister's decision, the ministry's thông báo); days no document changed follow
 * the Labour Code of the year (2012 code, art. 115, to 2020; 2019 code, art. 112,
 * from 2021), nghỉ bù included. Swaps (nghỉ hoán đổi) pair a working day off with
 * a Saturday worked (làm bù), which may fall in the previous year.
 */

export interface HolidaySwap {
  dayOff: string;
  workOn: string;
  occasion: string;
}

export interface AnnouncedYear {
  year: number;
  source: string;
  lunarNewYear: string;
  hungKingsDay: string;
  /** Date → holiday. */
  holidays: Readonly<Record<string, HolidayName>>;
  /** Date of a nghỉ bù → the holiday on a weekend it makes up for. */
  compensatory: Readonly<Record<string, HolidayName>>;
  swaps: readonly HolidaySwap[];
}

const { newYear, lunarNewYear: tet, hungKings, victory, labour, national } = HOLIDAY_NAMES;

export const VIETNAM_HOLIDAY_TABLE: readonly AnnouncedYear[] = [
  {
    year: 2014,
    source: 'Công văn 10525/VPCP-KGVX ngày 12/12/2013 (Tết Âm lịch và hoán đổi ngày nghỉ năm 2014)',
    lunarNewYear: '2014-01-31',
    hungKingsDay: '2014-04-09',
    holidays: {
      '2014-01-01': newYear,
      // 30 Tết to mùng 4: the swaps of 28 and 29 Tết leave only this split.
      '2014-01-30': tet,
      '2014-01-31': tet,
      '2014-02-01': tet,
      '2014-02-02': tet,
      '2014-02-03': tet,
      '2014-04-09': hungKings,
      '2014-04-30': victory,
      '2014-05-01': labour,
      '2014-09-02': national,
    },
    compensatory: { '2014-02-04': tet, '2014-02-05': tet },
    swaps: [
      { dayOff: '2014-01-28', workOn: '2014-01-25', occasion: tet },
      { dayOff: '2014-01-29', workOn: '2014-02-08', occasion: tet },
      { dayOff: '2014-05-02', workOn: '2014-04-26', occasion: `${victory} và ${labour}` },
      { dayOff: '2014-09-01', workOn: '2014-09-06', occasion: national },
    ],
  },
  {
    year: 2015,
    // The Prime Minister's approval of 01/12/2014 and the ministry's notice were
    // checked through the press only; the numbers of the documents were not found.
    source: 'Thủ tướng đồng ý ngày 01/12/2014 đề xuất của Bộ LĐ-TB&XH (số văn bản chưa kiểm chứng)',
    lunarNewYear: '2015-02-19',
    hungKingsDay: '2015-04-28',
    holidays: {
      '2015-01-01': newYear,
      '2015-02-17': tet,
      '2015-02-18': tet,
      '2015-02-19': tet,
      '2015-02-20': tet,
      '2015-02-21': tet,
      '2015-04-28': hungKings,
      '2015-04-30': victory,
      '2015-05-01': labour,
      '2015-09-02': national,
    },
    compensatory: { '2015-02-23': tet },
    swaps: [
      { dayOff: '2015-01-02', workOn: '2014-12-27', occasion: newYear },
      { dayOff: '2015-02-16', workOn: '2015-02-14', occasion: tet },
      { dayOff: '2015-04-29', workOn: '2015-04-25', occasion: `${hungKings} và ${victory}` },
    ],
  },
  {
    year: 2016,
    source: 'Thông báo 4659/TB-LĐTBXH ngày 13/11/2015',
    lunarNewYear: '2016-02-08',
    hungKingsDay: '2016-04-16',
    holidays: {
      '2016-01-01': newYear,
      '2016-02-07': tet,
      '2016-02-08': tet,
      '2016-02-09': tet,
      '2016-02-10': tet,
      '2016-02-11': tet,
      '2016-04-16': hungKings,
      '2016-04-30': victory,
      '2016-05-01': labour,
      '2016-09-02': national,
    },
    compensatory: { '2016-02-12': tet, '2016-04-18': hungKings, '2016-05-02': victory, '2016-05-03': labour },
    swaps: [],
  },
  {
    year: 2017,
    source: 'Công văn 9794/VPCP-KGVX ngày 14/11/2016 (Tết Âm lịch: 26/01–01/02/2017); các ngày khác theo Bộ luật Lao động 2012',
    lunarNewYear: '2017-01-28',
    hungKingsDay: '2017-04-06',
    holidays: {
      '2017-01-01': newYear,
      '2017-01-26': tet,
      '2017-01-27': tet,
      '2017-01-28': tet,
      '2017-01-29': tet,
      '2017-01-30': tet,
      '2017-04-06': hungKings,
      '2017-04-30': victory,
      '2017-05-01': labour,
      '2017-09-02': national,
    },
    compensatory: { '2017-01-02': newYear, '2017-01-31': tet, '2017-02-01': tet, '2017-05-02': victory, '2017-09-04': national },
    swaps: [],
  },
  {
    year: 2018,
    source: 'Thông báo 573/TB-VPCP ngày 14/12/2017; Thông báo 5427/TB-LĐTBXH ngày 22/12/2017',
    lunarNewYear: '2018-02-16',
    hungKingsDay: '2018-04-25',
    holidays: {
      '2018-01-01': newYear,
      '2018-02-14': tet,
      '2018-02-15': tet,
      '2018-02-16': tet,
      '2018-02-17': tet,
      '2018-02-18': tet,
      '2018-04-25': hungKings,
      '2018-04-30': victory,
      '2018-05-01': labour,
      '2018-09-02': national,
    },
    compensatory: { '2018-02-19': tet, '2018-02-20': tet, '2018-09-03': national },
    swaps: [],
  },
  {
    year: 2019,
    source: 'Thông báo 3238/TB-LĐTBXH (tháng 9/2018)',
    lunarNewYear: '2019-02-05',
    hungKingsDay: '2019-04-14',
    holidays: {
      '2019-01-01': newYear,
      '2019-02-04': tet,
      '2019-02-05': tet,
      '2019-02-06': tet,
      '2019-02-07': tet,
      '2019-02-08': tet,
      '2019-04-14': hungKings,
      '2019-04-30': victory,
      '2019-05-01': labour,
      '2019-09-02': national,
    },
    compensatory: { '2019-04-15': hungKings },
    swaps: [
      { dayOff: '2018-12-31', workOn: '2019-01-05', occasion: newYear },
      { dayOff: '2019-04-29', workOn: '2019-05-04', occasion: `${victory} và ${labour}` },
    ],
  },
  {
    year: 2020,
    source: 'Công văn 9087/VPCP-KGVX ngày 07/10/2019 (Tết Âm lịch: 23/01–29/01/2020); các ngày khác theo Bộ luật Lao động 2012',
    lunarNewYear: '2020-01-25',
    hungKingsDay: '2020-04-02',
    holidays: {
      '2020-01-01': newYear,
      '2020-01-23': tet,
      '2020-01-24': tet,
      '2020-01-25': tet,
      '2020-01-26': tet,
      '2020-01-27': tet,
      '2020-04-02': hungKings,
      '2020-04-30': victory,
      '2020-05-01': labour,
      '2020-09-02': national,
    },
    compensatory: { '2020-01-28': tet, '2020-01-29': tet },
    swaps: [],
  },
  {
    year: 2021,
    source: 'Công văn 9895/VPCP-KGVX ngày 26/11/2020 (Tết Âm lịch: 10/02–16/02/2021; Quốc khánh: 02/09–05/09/2021)',
    lunarNewYear: '2021-02-12',
    hungKingsDay: '2021-04-21',
    holidays: {
      '2021-01-01': newYear,
      '2021-02-10': tet,
      '2021-02-11': tet,
      '2021-02-12': tet,
      '2021-02-13': tet,
      '2021-02-14': tet,
      '2021-04-21': hungKings,
      '2021-04-30': victory,
      '2021-05-01': labour,
      '2021-09-02': national,
      '2021-09-03': national,
    },
    compensatory: { '2021-02-15': tet, '2021-02-16': tet, '2021-05-03': labour },
    swaps: [],
  },
  {
    year: 2022,
    source: 'Công văn 245/VPCP-KGVX ngày 11/01/2022 (Tết Âm lịch: 31/01–04/02/2022; Quốc khánh: 01/09–02/09/2022)',
    lunarNewYear: '2022-02-01',
    hungKingsDay: '2022-04-10',
    holidays: {
      '2022-01-01': newYear,
      '2022-01-31': tet,
      '2022-02-01': tet,
      '2022-02-02': tet,
      '2022-02-03': tet,
      '2022-02-04': tet,
      '2022-04-10': hungKings,
      '2022-04-30': victory,
      '2022-05-01': labour,
      '2022-09-01': national,
      '2022-09-02': national,
    },
    compensatory: { '2022-01-03': newYear, '2022-04-11': hungKings, '2022-05-02': victory, '2022-05-03': labour },
    swaps: [],
  },
  {
    year: 2023,
    source: 'Công văn 8056/VPCP-KGVX ngày 01/12/2022 (Tết Âm lịch: 20/01–26/01/2023; Quốc khánh: 01/09–04/09/2023)',
    lunarNewYear: '2023-01-22',
    hungKingsDay: '2023-04-29',
    holidays: {
      '2023-01-01': newYear,
      '2023-01-20': tet,
      '2023-01-21': tet,
      '2023-01-22': tet,
      '2023-01-23': tet,
      '2023-01-24': tet,
      '2023-04-29': hungKings,
      '2023-04-30': victory,
      '2023-05-01': labour,
      '2023-09-01': national,
      '2023-09-02': national,
    },
    compensatory: {
      '2023-01-02': newYear,
      '2023-01-25': tet,
      '2023-01-26': tet,
      '2023-05-02': hungKings,
      '2023-05-03': victory,
      '2023-09-04': national,
    },
    swaps: [],
  },
  {
    year: 2024,
    source:
      'Công văn 8662/VPCP-KGVX ngày 03/11/2023 (Tết Âm lịch: 08/02–14/02/2024; Quốc khánh: 31/08–03/09/2024); Công văn 2450/VPCP-KGVX ngày 12/04/2024 (hoán đổi dịp 30/4)',
    lunarNewYear: '2024-02-10',
    hungKingsDay: '2024-04-18',
    holidays: {
      '2024-01-01': newYear,
      '2024-02-08': tet,
      '2024-02-09': tet,
      '2024-02-10': tet,
      '2024-02-11': tet,
      '2024-02-12': tet,
      '2024-04-18': hungKings,
      '2024-04-30': victory,
      '2024-05-01': labour,
      '2024-09-02': national,
      '2024-09-03': national,
    },
    compensatory: { '2024-02-13': tet, '2024-02-14': tet },
    swaps: [{ dayOff: '2024-04-29', workOn: '2024-05-04', occasion: `${victory} và ${labour}` }],
  },
  {
    year: 2025,
    source: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Tết Âm lịch: 27/01–31/01/2025; hoán đổi dịp 30/4; Quốc khánh: 01/09–02/09/2025)',
    lunarNewYear: '2025-01-29',
    hungKingsDay: '2025-04-07',
    holidays: {
      '2025-01-01': newYear,
      '2025-01-27': tet,
      '2025-01-28': tet,
      '2025-01-29': tet,
      '2025-01-30': tet,
      '2025-01-31': tet,
      '2025-04-07': hungKings,
      '2025-04-30': victory,
      '2025-05-01': labour,
      '2025-09-01': national,
      '2025-09-02': national,
    },
    compensatory: {},
    swaps: [{ dayOff: '2025-05-02', workOn: '2025-04-26', occasion: `${victory} và ${labour}` }],
  },
  {
    year: 2026,
    // The Government Office's notice of 13/10/2025 (Tết and Quốc khánh) was checked through the press only; its number was not found.
    source:
      'Thông báo của Văn phòng Chính phủ ngày 13/10/2025 (Tết Âm lịch: 16/02–20/02/2026; Quốc khánh: 01/09–02/09/2026, hoán đổi 31/08; số văn bản chưa kiểm chứng); Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch)',
    lunarNewYear: '2026-02-17',
    hungKingsDay: '2026-04-26',
    holidays: {
      '2026-01-01': newYear,
      '2026-02-16': tet,
      '2026-02-17': tet,
      '2026-02-18': tet,
      '2026-02-19': tet,
      '2026-02-20': tet,
      '2026-04-26': hungKings,
      '2026-04-30': victory,
      '2026-05-01': labour,
      '2026-09-01': national,
      '2026-09-02': national,
    },
    compensatory: { '2026-04-27': hungKings },
    swaps: [
      { dayOff: '2026-01-02', workOn: '2026-01-10', occasion: newYear },
      { dayOff: '2026-08-31', workOn: '2026-08-22', occasion: national },
    ],
  },
];
