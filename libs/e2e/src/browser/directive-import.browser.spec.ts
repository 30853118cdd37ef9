import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../process-harness';
import { BrowserSystem, browserTierRuns } from './browser-system';
import { choose, PASSWORD, PEOPLE, type Person } from './province';

/** Jest takes its timeout from the root config (60 s), not the browser project's; a slow, shared machine needs more. */
const TIMEOUT = 180_000;
const SEED = join(ROOT, 'libs/directive-import/fixtures/4308-UBND-VX-2017.txt');
/** The provincial office enters the province's directives (README.md's walk-through): its officer issues in the name of UBND tỉnh. */
const CLERK: Person = { username: 'cv.vpubnd', name: 'Trần Văn Bình', role: 'monitoring_officer', agencyId: 'vp-ubnd-tinh' };

/**
 * Issue 15's review in Chromium against the built server: the provincial
 * office's officer (Văn phòng UBND tỉnh) reads letter 4308/UBND-VX (its OCR'd text, from a .txt file) into
 * a draft, reviews it beside the source with the uncertain fields marked,
 * corrects task 6's lead (the letter names none; the reader assumed the
 * opening's addressees) and task 4's deadline, saves, issues, and lands on
 * the directive with its 11 tasks; the draft's history keeps the import, the
 * correction and the issue. An agency the registry does not know is shown as
 * written, to place or strike out before issuing.
 */
if (browserTierRuns())
  describe('a directive imported from its text, reviewed, corrected and issued (browser)', () => {
    const system = new BrowserSystem();

    beforeAll(async () => {
      await system.start();
      system.account(PEOPLE.admin.username, PASSWORD, ['admin'], undefined, PEOPLE.admin.name);
      const made = await system.client('cli-admin', 'admin', null).post('/api/v1/accounts', {
        username: CLERK.username,
        displayName: CLERK.name,
        agencyId: CLERK.agencyId,
        roles: [CLERK.role],
        password: PASSWORD,
      });
      if (made.status !== 201) throw new Error(`account: ${made.status} ${JSON.stringify(made.body)}`);
    }, TIMEOUT);
    afterAll(() => system.stop());

    const nav = (page: Page, name: string) => page.getByTestId('main-nav').getByRole('link', { name, exact: true });
    const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    const task = (page: Page, index: number) => page.getByTestId('task-fields').nth(index);
    /** Types a date dd/mm/yyyy into the date picker labelled `label` inside `scope`, and leaves it with Tab. */
    const typeDateIn = async (page: Page, scope: Locator, label: string, date: string) => {
      const input = scope.getByLabel(label, { exact: true });
      await input.click();
      await input.fill(date);
      await input.press('Tab');
      await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
      expect(await input.inputValue()).toBe(date);
    };
    /** Reads a text into a draft from the import page (pasted), and waits for its review. */
    const importText = async (page: Page, text: string) => {
      await nav(page, 'Nhập văn bản chỉ đạo').click();
      await heading(page, 'Nhập văn bản chỉ đạo').waitFor();
      await page.getByLabel('Nội dung văn bản').fill(text);
      await page.getByRole('button', { name: 'Đọc văn bản' }).click();
      await page.waitForURL(/\/directives\/import\/[0-9a-f-]{36}$/);
      await page.getByTestId('import-review-form').waitFor();
      await system.settled(page);
    };

    it(
      'the office reads letter 4308/UBND-VX from its .txt file, reviews its 11 tasks beside the source, corrects two, saves and issues it',
      async () => {
        const page = await system.page();
        await system.signIn(page, CLERK.username, PASSWORD);

        // From the issuing page, as an officer who has the letter as a file.
        await nav(page, 'Ban hành văn bản').click();
        await page.getByRole('link', { name: 'Nhập từ văn bản' }).click();
        await heading(page, 'Nhập văn bản chỉ đạo').waitFor();
        await page.getByTestId('import-file').setInputFiles(SEED);
        await page.getByTestId('import-file-read').getByText('Đã đọc tệp 4308-UBND-VX-2017.txt').waitFor();
        expect((await page.getByLabel('Nội dung văn bản').inputValue()).split('\n')[4]).toBe(
          'Số: 4308/UBND-VX   Thanh Hoá, ngày 10 tháng 02 năm 2017',
        );
        await system.settled(page);
        await system.screenshot(page, 'office-import-text');
        await expect(system.seriousViolations(page)).resolves.toEqual([]);

        await page.getByRole('button', { name: 'Đọc văn bản' }).click();
        await page.waitForURL(/\/directives\/import\/[0-9a-f-]{36}$/);
        const draftId = new URL(page.url()).pathname.split('/').pop()!;
        await heading(page, 'Kiểm tra văn bản nhập 4308/UBND-VX').waitFor();
        await system.settled(page);

        // The header as read through the OCR noise, and the 11 tasks numbered 1 to 11.
        await expect(page.getByLabel('Số, ký hiệu').inputValue()).resolves.toBe('4308/UBND-VX');
        await expect(page.getByLabel('Ngày ban hành').inputValue()).resolves.toBe('10/02/2017');
        await expect(page.getByTestId('task-fields').count()).resolves.toBe(11);
        const numbers = await page
          .getByTestId('task-fields')
          .evaluateAll((cards) => cards.map((card) => (card.querySelector('input[id$="_number"]') as unknown as { value: string }).value));
        expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
        await page
          .getByTestId('import-summary')
          .getByText(/^Đọc được 11 nhiệm vụ\. \d+ trường cần kiểm tra được đánh dấu\.$/)
          .waitFor();
        // Task 3 goes to the district committees as a group, task 10 is a request, task 11 names the monitoring agency.
        await expect(task(page, 2).getByTestId('fan-out-preview').textContent()).resolves.toContain('Sẽ giao cho 27 cơ quan chủ trì');
        await expect(task(page, 9).getByText('Đề nghị', { exact: true }).count()).resolves.toBeGreaterThan(0);
        await task(page, 10).getByText('Nhiệm vụ theo dõi, đôn đốc, tổng hợp báo cáo').waitFor();

        // Task 6 names no agency: its lead is marked, with the warning beside it and listed at the top.
        const lead6 = task(page, 5).locator('.field-marked', { has: page.getByText('Chủ trì', { exact: true }) });
        await lead6.getByText('Cần kiểm tra: độ tin cậy 50%').waitFor();
        await expect(lead6.getByTestId('field-warning').count()).resolves.toBeGreaterThan(0);
        // Task 7's "hàng năm" is a yearly rule, as written.
        await task(page, 6).getByText('Trong văn bản: “hàng năm”').waitFor();
        const warnings = page.getByTestId('import-warnings').getByRole('listitem');
        const warningsBefore = await warnings.count();
        expect(warningsBefore).toBeGreaterThan(0);
        await system.screenshot(page, 'office-import-review', { fullPage: false });
        await expect(system.seriousViolations(page)).resolves.toEqual([]);

        // The warning's link focuses task 6's lead; its lines light up in the source.
        await page.getByTestId('import-warnings').getByRole('link', { name: 'Nhiệm vụ 6 — Chủ trì' }).first().click();
        await expect(page.evaluate(() => (globalThis as any).document.activeElement?.id)).resolves.toBe('import-directive_tasks_5_lead');
        await page.getByTestId('source-range').getByText('Nhiệm vụ 6: dòng 59–66').waitFor();
        const marked = page.getByTestId('source-text').locator('li.source-line-marked');
        await expect(marked.count()).resolves.toBe(8);
        await expect(marked.first().textContent()).resolves.toContain('6. Huy động các nguồn lực');
        await system.settled(page);
        await system.screenshot(page, 'office-import-review-task-6', { fullPage: false });

        // The corrections: task 6 is the district committees' alone (the letter's intent); task 4 due 30/09/2017.
        await lead6
          .locator('.ant-select-selection-item', { hasText: 'Các sở, ban, ngành cấp tỉnh' })
          .locator('.ant-select-selection-item-remove')
          .click();
        await expect(lead6.locator('.ant-select-selection-item').allTextContents()).resolves.toEqual(['UBND các huyện, thị xã, thành phố']);
        await typeDateIn(page, task(page, 3), 'Thời hạn', '30/09/2017');
        await page.getByRole('button', { name: 'Lưu chỉnh sửa' }).click();
        await page.getByTestId('toasts').getByText('Đã lưu chỉnh sửa').waitFor();
        await system.settled(page);
        // Saved as a new revision: task 6's lead is no longer marked, and its warning is gone.
        await expect(page.getByTestId('import-warnings').getByRole('link', { name: 'Nhiệm vụ 6 — Chủ trì' }).count()).resolves.toBe(0);
        await expect(warnings.count()).resolves.toBeLessThan(warningsBefore);
        await expect(task(page, 3).getByLabel('Thời hạn', { exact: true }).inputValue()).resolves.toBe('30/09/2017');

        const office = system.client('check', 'monitoring_officer', 'vp-ubnd-tinh');
        const saved = await office.get(`/api/v1/directives/imports/${draftId}`);
        expect(saved.status).toBe(200);
        expect(saved.body.tasks[5].lead.map((a: { agencyId: string }) => a.agencyId)).toEqual(['ubnd-huyen']);
        expect(saved.body.tasks[3].deadline).toBe('2017-09-30');

        await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
        await page.waitForURL((url) => /^\/directives\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.includes('/import'));
        await heading(page, 'Văn bản 4308/UBND-VX').waitFor();
        await system.settled(page);
        await expect(page.getByTestId('tasks').locator('tbody tr.ant-table-row').count()).resolves.toBe(11);
        const task4 = page
          .getByTestId('tasks')
          .locator('tbody tr')
          .filter({ has: page.locator('td:first-child', { hasText: /^4$/ }) });
        await expect(task4.textContent()).resolves.toContain('30/09/2017');
        await system.screenshot(page, 'office-import-issued');

        const directiveId = new URL(page.url()).pathname.split('/').pop()!;
        const issued = await office.get(`/api/v1/directives/${directiveId}`);
        expect(issued.body.tasks).toHaveLength(11);
        expect(issued.body.tasks.find((t: { number: string }) => t.number === '6').lead).toEqual(['ubnd-huyen']);
        expect(issued.body.tasks.find((t: { number: string }) => t.number === '3').lead).toEqual(['ubnd-huyen']);
        expect(issued.body.tasks.find((t: { number: string }) => t.number === '10').mode).toBe('de-nghi');
        expect(issued.body.monitoringAgency).toBe('so-ldtbxh');
        const history = await office.get(`/api/v1/directives/imports/${draftId}`);
        expect(history.body).toMatchObject({ status: 'issued', directiveId });
        expect(history.body.history.map((h: { type: string }) => h.type)).toEqual([
          'directive-import.drafted',
          'directive-import.corrected',
          'directive-import.issued',
        ]);
      },
      TIMEOUT,
    );

    it(
      'an agency the registry does not know is kept as written and marked; issuing waits until it is placed or struck out',
      async () => {
        const page = await system.page();
        await system.signIn(page, CLERK.username, PASSWORD);
        await importText(
          page,
          [
            'ỦY BAN NHÂN DÂN   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'TỈNH THANH HOÁ   Độc lập - Tự do - Hạnh phúc',
            'Số: 512/UBND-KTTC   Thanh Hoá, ngày 20 tháng 3 năm 2017',
            'V/v bảo đảm cấp điện cho các xã nghèo',
            'Kính gửi:',
            '- Sở Công Thương;',
            '- Công ty Điện lực Mường Thanh.',
            'Chủ tịch UBND tỉnh có ý kiến như sau:',
            '1. Giao Sở Công Thương chủ trì, phối hợp với Công ty Điện lực Mường Thanh rà soát lưới điện tại các xã nghèo, báo cáo UBND tỉnh trước ngày 30/6/2017.',
            '2. Công ty Điện lực Mường Thanh bảo đảm cấp điện ổn định cho các xã nghèo trong năm 2017.',
            'Nơi nhận:   KT. CHỦ TỊCH',
            '- Như trên;   PHÓ CHỦ TỊCH',
            '- Lưu: VT.',
            'Lê Thị Thìn',
          ].join('\n'),
        );
        const unplaced = page.getByTestId('unplaced-name').filter({ hasText: 'Công ty Điện lực Mường Thanh' });
        await expect(unplaced.count()).resolves.toBeGreaterThan(0);
        await system.screenshot(page, 'office-import-unplaced', { fullPage: false });

        // Issuing now is refused beside the field still naming it.
        await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
        await page
          .getByText(/^Còn tên chưa xác định: .*Công ty Điện lực Mường Thanh/)
          .first()
          .waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/directives\/import\//);

        // Struck out everywhere (it is no agency of the province's registry), the draft issues.
        while (await unplaced.count())
          await unplaced
            .first()
            .getByRole('button', { name: /^Bỏ tên/ })
            .click();
        // A task the company alone led has no lead left: the province's department of industry leads it instead.
        const tasks = await page.getByTestId('task-fields').count();
        for (let i = 0; i < tasks; i++) {
          const lead = task(page, i).locator('.ant-form-item', { has: page.getByText('Chủ trì', { exact: true }) });
          if (await lead.locator('.ant-select-selection-item').count()) continue;
          await lead.getByRole('combobox').first().click();
          await lead.getByRole('combobox').first().fill('Sở Công');
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Sở Công Thương' }).first().click();
          await lead.getByRole('combobox').first().press('Escape');
        }
        // No item names who follows the letter up: the department of industry does.
        await choose(page, 'Cơ quan theo dõi', 'Sở Công Thương', 'Sở Công');
        await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
        await heading(page, 'Văn bản 512/UBND-KTTC').waitFor();
      },
      TIMEOUT,
    );
  });
