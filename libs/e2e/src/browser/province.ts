import type { UserRole } from '@dm/contracts';
import { runDemo, seed4308Directive } from '@dm/testing';
import type { Page } from 'playwright-core';
import type { BrowserSystem } from './browser-system';

/** Everyone's password in the browser tests: 12+ characters, with Vietnamese accents (compared as NFC). */
export const PASSWORD = 'Mật khẩu thử nghiệm 4308';

export interface Person {
  username: string;
  name: string;
  role: UserRole;
  agencyId?: string;
}

/** The people who use the app in the tests, one of each kind README.md's "First sign-in" names. */
export const PEOPLE = {
  admin: { username: 'quantri', name: 'Quản trị hệ thống', role: 'admin' },
  muongLat: { username: 'cb.muonglat', name: 'Lò Văn Minh', role: 'agency_officer', agencyId: 'h-muong-lat' },
  office: { username: 'cv.ldtbxh', name: 'Nguyễn Thị Hoa', role: 'monitoring_officer', agencyId: 'so-ldtbxh' },
  inspector: { username: 'tt.levan', name: 'Lê Văn Thành', role: 'inspector', agencyId: 'thanh-tra-tinh' },
  baThuoc: { username: 'cb.bathuoc', name: 'Hà Thị Lan', role: 'agency_officer', agencyId: 'h-ba-thuoc' },
} satisfies Record<string, Person>;

/** Task 3 (to every district committee) is due 30/06/2017, task 4 30/09/2017, task 5 31/12/2017; the others have none, as in the letter. */
export const DEADLINES = { '3': '2017-06-30', '4': '2017-09-30', '5': '2017-12-31' };

export interface Province {
  directiveId: string;
  /** The id of an agency's assignment of a task. */
  assignment(agencyId: string, taskNumber: string): string;
}

/**
 * What every browser spec starts from: the first admin made with the CLI
 * (README.md, "First sign-in"), the others by that admin through the API the
 * accounts page uses, and letter 4308/UBND-VX entered by the provincial
 * office (vp-ubnd-tinh) for Sở LĐ-TB&XH to monitor.
 */
export async function setUpProvince(system: BrowserSystem, people: Person[] = Object.values(PEOPLE)): Promise<Province> {
  const [first, ...others] = people;
  system.account(first.username, PASSWORD, [first.role], first.agencyId, first.name);
  const admin = system.client('cli-admin', 'admin', null);
  for (const person of others) {
    const made = await admin.post('/api/v1/accounts', {
      username: person.username,
      displayName: person.name,
      agencyId: person.agencyId ?? null,
      roles: [person.role],
      password: PASSWORD,
    });
    if (made.status !== 201) throw new Error(`account ${person.username}: ${made.status} ${JSON.stringify(made.body)}`);
  }
  const office = system.client('cv.vp', 'monitoring_officer', 'vp-ubnd-tinh', 'Chuyên viên Văn phòng UBND tỉnh');
  const issued = await office.post('/api/v1/directives', seed4308Directive(DEADLINES), { 'idempotency-key': 'browser-issue-4308' });
  if (issued.status !== 201) throw new Error(`issue 4308/UBND-VX: ${issued.status} ${JSON.stringify(issued.body)}`);
  const assignments: Array<{ id: string; agencyId: string; taskNumber: string; role: string }> = issued.body.assignments;
  return {
    directiveId: issued.body.id,
    assignment: (agencyId, taskNumber) => {
      const found = assignments.find((a) => a.agencyId === agencyId && a.taskNumber === taskNumber && a.role === 'lead');
      if (!found) throw new Error(`no assignment of task ${taskNumber} to ${agencyId}`);
      return found.id;
    },
  };
}

/**
 * A year of progress through the API (`runDemo`, as `npm run cli -- demo`
 * writes it), then what the demo leaves out and the pages show: a completion
 * awaiting the office (Bá Thước, task 3), the office's reminder to Mường Lát,
 * and the report of 2017-Q1 issued.
 */
export async function writeAYear(system: BrowserSystem, province: Province): Promise<void> {
  await runDemo(system.url, (claims) => system.sign(claims));
  const must = async (what: string, call: Promise<{ status: number; body: unknown }>) => {
    const answer = await call;
    if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  const baThuoc = system.client('demo-h-ba-thuoc', 'agency_officer', 'h-ba-thuoc', 'Cán bộ UBND huyện Bá Thước');
  await must(
    'completion of Bá Thước',
    baThuoc.post(`/api/v1/assignments/${province.assignment('h-ba-thuoc', '3')}/completion`, {
      completedOn: '2017-12-01',
      summary: 'Hoàn thành hỗ trợ phát triển sản xuất cho 85 hộ nghèo',
      evidence: 'Báo cáo số 245/BC-UBND',
    }),
  );
  const office = system.client('demo-ldtbxh', 'monitoring_officer', 'so-ldtbxh', 'Chuyên viên Sở LĐ-TB&XH');
  await must(
    'reminder to Mường Lát',
    office.post('/api/v1/reminders', {
      agencyId: 'h-muong-lat',
      directiveId: province.directiveId,
      text: 'Đề nghị UBND huyện Mường Lát báo cáo kết quả thực hiện nhiệm vụ 6 trước ngày 15/12/2017.',
    }),
  );
  await must(
    'report of 2017-Q1',
    office.post('/api/v1/reports/issued', {
      period: '2017-Q1',
      calendar: 'decree09',
      number: '58/BC-LĐTBXH',
      place: 'Thanh Hóa',
      date: '2017-03-20',
      recipients: ['UBND tỉnh', 'Lưu: VT'],
      signer: { name: 'Nguyễn Văn Thi', capacity: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
    }),
  );
}

/**
 * Chooses `option` in the AntD select labelled `label`, typing `search` to
 * find it, and checks the select then shows it (a click while the list
 * still scrolls to the current value can land on its neighbour: then again).
 */
export async function choose(page: Page, label: string, option: string | RegExp, search?: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  const select = box.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const chosen = async () => {
    const text = await select.innerText();
    return typeof option === 'string' ? text.includes(option) : text.split('\n').some((line) => option.test(line.trim()));
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    await box.click();
    if (search) await box.fill(search);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await item.waitFor();
    await page.waitForTimeout(300); // the list opens with a motion and scrolls to the current value
    await item.click();
    // A single select closes once chosen; a multiple one stays open until left.
    if (await page.locator('.ant-select-dropdown:visible').count()) await box.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    if (await chosen()) return;
  }
  throw new Error(`the select "${label}" shows ${await select.innerText()}, not ${option}`);
}

/**
 * Types a date dd/mm/yyyy into the AntD date picker labelled `label`, as a
 * person types it, and leaves the field with Tab (Enter would also submit
 * the form the picker is in).
 */
export async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  const shown = await input.inputValue();
  if (shown !== date) throw new Error(`the date picker "${label}" shows ${shown}, not ${date}`);
}
