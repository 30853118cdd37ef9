import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { BrowserSystem, browserTierRuns } from './browser-system';
import { choose, PASSWORD, PEOPLE, setUpProvince, typeDate, type Province } from './province';

/** Jest takes its timeout from the root config (60 s), not the browser project's; a slow, shared machine needs more. */
const TIMEOUT = 120_000;
/**
 * Letter 4308/UBND-VX's task 3 as the people of docs/domain.md carry it out,
 * in Chromium against the built server: Mường Lát reports progress with a
 * file and then completion; Sở LĐ-TB&XH records Mường Lát's paper report,
 * confirms the completion and extends the task's deadline; an inspector
 * replays the assignment's history as of a date; the office downloads the
 * 2017-Q1 report; Bá Thước cannot read Mường Lát's assignment. The tests run
 * in order, each on what the one before left.
 */
if (browserTierRuns())
  describe('a directive carried out, confirmed, extended and inspected (browser)', () => {
    const system = new BrowserSystem();
    let province: Province;
    let muongLat: string;
    /** A small PDF-like file, as an agency would attach its signed report. */
    const report = Buffer.from(
      '%PDF-1.4\n% Báo cáo tiến độ nhiệm vụ 3, UBND huyện Mường Lát\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      'utf8',
    );
    const reportSha256 = createHash('sha256').update(report).digest('hex');

    beforeAll(async () => {
      await system.start();
      province = await setUpProvince(system);
      muongLat = province.assignment('h-muong-lat', '3');
    }, TIMEOUT);
    afterAll(() => system.stop());

    /** The assignment's events as the office reads them through the API. */
    const eventsOf = async (assignmentId: string) => {
      const timeline = await system
        .client('check', 'inspector', 'thanh-tra-tinh')
        .get(`/api/v1/audit/assignments/${assignmentId}/timeline`);
      expect(timeline.status).toBe(200);
      return timeline.body.events as Array<{ type: string; data: Record<string, any> }>;
    };
    const nav = (page: Page, name: string) => page.getByTestId('main-nav').getByRole('link', { name, exact: true });
    const event = (page: Page, type: string) => page.locator(`[data-testid="timeline-event"][data-type="${type}"]`);

    it(
      'Mường Lát reports progress with a file, which keeps its SHA-256 and downloads as sent, then reports completion',
      async () => {
        const page = await system.page();
        await system.signIn(page, PEOPLE.muongLat.username, PASSWORD);
        await nav(page, 'Nhiệm vụ của tôi').click();
        await system.settled(page);
        const row = page.getByTestId('my-assignments').locator('tr', { has: page.getByRole('link', { name: /^Nhiệm vụ 3\b/ }) });
        await row.getByTestId('assignment-link').click();
        await page.getByRole('heading', { level: 1, name: 'Văn bản 4308/UBND-VX — Nhiệm vụ 3' }).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/assignments/${muongLat}`);

        const progress = page.getByTestId('progress-form');
        await typeDate(page, 'Ngày báo cáo', '01/03/2017');
        await progress
          .getByLabel('Nội dung đã thực hiện')
          .fill('Hỗ trợ 120 hộ nghèo phát triển sản xuất, nhân rộng mô hình chăn nuôi bò sinh sản');
        await progress.getByLabel('Tỷ lệ hoàn thành').fill('40');
        await progress.getByLabel('Khó khăn, vướng mắc').fill('Địa bàn rộng, giao thông khó khăn');
        // "Chọn tệp" opens the browser's file chooser, whose input is given the file.
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), progress.getByText('Chọn tệp', { exact: true }).click()]);
        await chooser.element().setInputFiles({ name: 'bao-cao-tien-do-ML.pdf', mimeType: 'application/pdf', buffer: report });
        await progress.getByTestId('attachment-chosen').filter({ hasText: 'bao-cao-tien-do-ML.pdf' }).waitFor();
        await progress.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();

        const reported = event(page, 'assignment.progress-reported');
        await reported.waitFor();
        await expect(reported.textContent()).resolves.toContain('Hỗ trợ 120 hộ nghèo phát triển sản xuất');
        await expect(reported.textContent()).resolves.toContain('40%');
        await expect(reported.getByTestId('attachment-sha256').textContent()).resolves.toBe(reportSha256);
        const [download] = await Promise.all([page.waitForEvent('download'), reported.getByTestId('attachment-download').click()]);
        expect(download.suggestedFilename()).toBe('bao-cao-tien-do-ML.pdf');
        expect(readFileSync((await download.path())!)).toEqual(report);

        const completion = page.getByTestId('completion-form');
        await page.getByRole('tab', { name: 'Báo cáo hoàn thành' }).click();
        await typeDate(page, 'Ngày hoàn thành', '20/05/2017');
        await completion.getByLabel('Kết quả thực hiện').fill('Hoàn thành hỗ trợ phát triển sản xuất cho 310 hộ nghèo, 95 hộ thoát nghèo');
        await completion.getByLabel('Văn bản, tài liệu chứng minh').fill('Báo cáo số 123/BC-UBND');
        await completion.getByRole('button', { name: 'Gửi báo cáo hoàn thành' }).click();
        await event(page, 'assignment.completion-reported').waitFor();
        await page.getByTestId('assignment-facts').getByText('Chờ xác nhận').waitFor();

        const events = await eventsOf(muongLat);
        expect(events.map((e) => e.type)).toEqual(['directive.issued', 'assignment.progress-reported', 'assignment.completion-reported']);
        expect(events[1].data).toMatchObject({
          reportedOn: '2017-03-01',
          percent: 40,
          attachment: { fileName: 'bao-cao-tien-do-ML.pdf', sha256: reportSha256, size: report.length },
        });
        expect(events[2].data).toMatchObject({ completedOn: '2017-05-20', evidence: 'Báo cáo số 123/BC-UBND' });
        await system.settled(page);
        await system.screenshot(page, 'agency-progress-and-completion-reported');
      },
      TIMEOUT,
    );

    it(
      'the office records Mường Lát’s paper report, confirms its completion from the list awaiting it, and extends task 3’s deadline',
      async () => {
        const page = await system.page();
        await system.signIn(page, PEOPLE.office.username, PASSWORD);
        await nav(page, 'Chờ xác nhận').click();
        await system.settled(page);
        const awaiting = page.getByTestId('confirmations').locator('tbody tr', { hasText: 'UBND huyện Mường Lát' });
        await expect(awaiting.textContent()).resolves.toContain('4308/UBND-VX');
        await expect(awaiting.textContent()).resolves.toContain('Nhiệm vụ 3');
        await system.screenshot(page, 'office-awaiting-confirmation');

        // Mường Lát's signed report came by post too: the office records it on the agency's behalf, with its number and date.
        await awaiting.getByTestId('assignment-link').click();
        await page.getByRole('heading', { level: 1, name: 'Văn bản 4308/UBND-VX — Nhiệm vụ 3' }).waitFor();
        const paper = page.getByTestId('progress-form');
        await typeDate(page, 'Ngày báo cáo', '20/05/2017');
        await paper.getByLabel('Nội dung đã thực hiện').fill('Báo cáo bằng văn bản kết quả hỗ trợ phát triển sản xuất năm 2017');
        await paper.getByLabel('Tỷ lệ hoàn thành').fill('100');
        await paper.getByLabel('Số văn bản đến').fill('123/BC-UBND');
        await typeDate(page, 'Ngày văn bản đến', '22/05/2017');
        await paper.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
        const recorded = event(page, 'assignment.progress-reported').filter({ hasText: 'Ghi nhận thay UBND huyện Mường Lát' });
        await recorded.waitFor();
        await expect(recorded.textContent()).resolves.toContain('123/BC-UBND, 22/05/2017');

        await nav(page, 'Chờ xác nhận').click();
        await page.waitForLoadState('networkidle');
        await awaiting.getByRole('button', { name: 'Xác nhận / trả lại' }).click();
        const dialog = page.getByRole('dialog', { name: 'Xác nhận hoàn thành: UBND huyện Mường Lát, nhiệm vụ 3' });
        await dialog.getByText('Báo cáo số 123/BC-UBND').waitFor();
        await expect(dialog.textContent()).resolves.toContain('20/05/2017');
        await typeDate(page, 'Ngày xác nhận', '25/05/2017');
        await system.settled(page);
        await system.screenshot(page, 'office-confirm-dialog', { fullPage: false });
        await dialog.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByTestId('toasts').getByText('Đã ghi nhận').waitFor();
        await awaiting.waitFor({ state: 'detached' });
        const office = system.client('check', 'monitoring_officer', 'so-ldtbxh');
        const confirmed = await office.get(`/api/v1/audit/assignments/${muongLat}/state`);
        expect(confirmed.body).toMatchObject({ lifecycle: 'completed', status: 'completedOnTime', completedOn: '2017-05-20' });

        // Task 3's deadline, from 25/06/2017, on the authority of the province's letter.
        await nav(page, 'Văn bản chỉ đạo').click();
        await page.getByTestId('directive-link').filter({ hasText: '4308/UBND-VX' }).click();
        await page.getByRole('heading', { level: 1, name: 'Văn bản 4308/UBND-VX' }).waitFor();
        await page.waitForLoadState('networkidle');
        const task3 = page
          .getByTestId('tasks')
          .locator('tbody tr')
          .filter({ has: page.locator('td:first-child', { hasText: /^3$/ }) });
        await expect(task3.textContent()).resolves.toContain('30/06/2017');
        await task3.getByRole('button', { name: 'Gia hạn' }).click();
        const extend = page.getByRole('dialog', { name: 'Gia hạn, thay đổi thời hạn nhiệm vụ 3' });
        await expect(extend.getByText('Toàn bộ nhiệm vụ (mọi cơ quan)').isVisible()).resolves.toBe(true);
        await typeDate(page, 'Thời hạn mới', '31/07/2017');
        await typeDate(page, 'Có hiệu lực từ ngày', '25/06/2017');
        await extend.getByLabel('Lý do').fill('Mưa lũ kéo dài ở các huyện miền núi');
        await extend.getByLabel('Văn bản cho phép').fill('Công văn số 7001/UBND-VX');
        await system.settled(page);
        await system.screenshot(page, 'office-extend-deadline', { fullPage: false });
        await extend.getByRole('button', { name: 'Lưu thời hạn mới' }).click();
        await extend.waitFor({ state: 'detached' });
        await task3.getByText('Đã thay đổi thời hạn 1 lần').waitFor();
        await expect(task3.textContent()).resolves.toContain('31/07/2017');

        // As of 15/07/2017 the districts that have not finished are within the new deadline, not overdue; Mường Lát finished on time.
        await typeDate(page, 'Tính đến ngày', '15/07/2017');
        await page.waitForURL((url) => url.searchParams.get('asOf') === '2017-07-15');
        await system.settled(page);
        const grid = page.getByTestId('status-grid');
        await expect(
          grid.getByRole('link', { name: 'UBND huyện Bá Thước, Nhiệm vụ 3: Đang thực hiện trong hạn' }).getAttribute('data-status'),
        ).resolves.toBe('inProgressWithinDeadline');
        await expect(grid.getByRole('link', { name: 'UBND huyện Mường Lát, Nhiệm vụ 3: Hoàn thành đúng hạn' }).textContent()).resolves.toBe(
          'HT',
        );
        // The district committees' rows, in the grid's own scrolling region, for the picture.
        await grid.getByRole('link', { name: /^UBND huyện Bá Thước, Nhiệm vụ 3/ }).scrollIntoViewIfNeeded();
        await system.screenshot(page, 'office-directive-grid-extended');
        // After the new deadline, they are overdue.
        await typeDate(page, 'Tính đến ngày', '01/08/2017');
        await page.waitForURL((url) => url.searchParams.get('asOf') === '2017-08-01');
        await grid.getByRole('link', { name: 'UBND huyện Bá Thước, Nhiệm vụ 3: Quá hạn chưa hoàn thành' }).waitFor();

        const directive = await office.get(`/api/v1/directives/${province.directiveId}?asOf=2017-07-15`);
        const task = directive.body.tasks.find((t: { number: string }) => t.number === '3');
        expect(task.deadline).toBe('2017-07-31');
        expect(task.deadlineChanges).toHaveLength(1);
        const baThuoc = directive.body.assignments.find(
          (a: { agencyId: string; taskNumber: string }) => a.agencyId === 'h-ba-thuoc' && a.taskNumber === '3',
        );
        expect(baThuoc.status).toBe('inProgressWithinDeadline');
      },
      TIMEOUT,
    );

    it(
      'an inspector replays the assignment’s history: every change with its reason and document, and the status as of a date before the completion',
      async () => {
        const page = await system.page();
        await system.signIn(page, PEOPLE.inspector.username, PASSWORD);
        await nav(page, 'Lịch sử').click();
        await page.getByText('Chọn văn bản và nhiệm vụ để xem lịch sử.').waitFor();
        await choose(page, 'Văn bản', '4308/UBND-VX');
        await choose(page, 'Nhiệm vụ', /^Nhiệm vụ 3$/);
        await choose(page, 'Cơ quan', 'UBND huyện Mường Lát', 'Mường Lát');
        await page.waitForURL((url) => url.searchParams.get('assignment') === muongLat);
        await system.settled(page);

        const facts = page.getByTestId('assignment-facts');
        await expect(facts.locator('tr', { hasText: 'Trạng thái' }).textContent()).resolves.toContain('Hoàn thành đúng hạn');
        const timeline = page.getByTestId('timeline');
        await expect(
          page.getByTestId('timeline-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-type'))),
        ).resolves.toEqual([
          'directive.issued',
          'assignment.progress-reported',
          'assignment.completion-reported',
          'assignment.progress-reported',
          'assignment.completion-confirmed',
          'directive.task-deadline-changed',
        ]);
        const change = event(page, 'directive.task-deadline-changed');
        await expect(change.textContent()).resolves.toContain('30/06/2017 → 31/07/2017');
        await expect(change.textContent()).resolves.toContain('Mưa lũ kéo dài ở các huyện miền núi');
        await expect(change.textContent()).resolves.toContain('Công văn số 7001/UBND-VX');
        const paper = event(page, 'assignment.progress-reported').filter({ hasText: 'Văn bản đến' });
        await expect(paper.textContent()).resolves.toContain('123/BC-UBND, 22/05/2017');
        await expect(paper.textContent()).resolves.toContain('cv.ldtbxh (Cán bộ theo dõi, Sở Lao động - Thương binh và Xã hội)');
        await expect(timeline.textContent()).resolves.toContain(reportSha256);
        await system.screenshot(page, 'inspector-assignment-history');

        // As of 10/05/2017 Mường Lát had not completed: in progress, within the deadline.
        await typeDate(page, 'Tính đến ngày', '10/05/2017');
        await page.waitForURL((url) => url.searchParams.get('asOf') === '2017-05-10');
        await page.getByTestId('history-scope').getByText('Tính đến ngày 10/05/2017.').waitFor();
        await system.settled(page);
        await expect(facts.locator('tr', { hasText: 'Trạng thái' }).textContent()).resolves.toContain('Đang thực hiện trong hạn');
        await expect(facts.locator('tr', { hasText: 'Giai đoạn' }).textContent()).resolves.toContain('Đang thực hiện');
        await expect(
          page.getByTestId('timeline-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-type'))),
        ).resolves.toEqual(['directive.issued', 'assignment.progress-reported']);
        await system.screenshot(page, 'inspector-assignment-history-as-of');
        const before = await system
          .client('check', 'inspector', 'thanh-tra-tinh')
          .get(`/api/v1/audit/assignments/${muongLat}/state?asOf=2017-05-10`);
        expect(before.body).toMatchObject({ status: 'inProgressWithinDeadline', lifecycle: 'inProgress', completedOn: null });
      },
      TIMEOUT,
    );

    it(
      'the office downloads the 2017-Q1 report (Decree 09) as xlsx from the reports page',
      async () => {
        const page = await system.page();
        await system.signIn(page, PEOPLE.office.username, PASSWORD);
        await nav(page, 'Báo cáo').click();
        await system.settled(page);
        await choose(page, 'Năm', '2017');
        await choose(page, 'Kỳ báo cáo', 'Quý I năm 2017');
        await page.waitForURL((url) => url.searchParams.get('period') === '2017-Q1');
        await expect(page.getByLabel('Cách tính kỳ').locator('..').locator('..').textContent()).resolves.toContain(
          'Theo Nghị định 09/2019/NĐ-CP',
        );
        await expect(page.getByTestId('period-window').textContent()).resolves.toBe('Số liệu từ ngày 15/12/2016 đến ngày 14/03/2017');
        await system.settled(page);
        await system.screenshot(page, 'office-reports-2017-Q1');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Tải Excel (.xlsx)' }).first().click(),
        ]);
        const file = readFileSync((await download.path())!);
        expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(file as never);
        const texts: string[] = [];
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) => row.eachCell((cell) => texts.push(typeof cell.text === 'string' ? cell.text : String(cell.value)))),
        );
        expect(texts.some((t) => t.includes('Mường Lát'))).toBe(true);
        expect(texts.some((t) => t.includes('4308/UBND-VX'))).toBe(true);
      },
      TIMEOUT,
    );

    it(
      'Bá Thước’s officer cannot open Mường Lát’s assignment: the page says so and the API answers 403 to the same session',
      async () => {
        const page = await system.page();
        await system.signIn(page, PEOPLE.baThuoc.username, PASSWORD);
        await page.goto(`${system.url}/assignments/${muongLat}`);
        await page.getByText('Bạn không có quyền xem nhiệm vụ này').waitFor();
        await system.settled(page);
        await expect(page.getByTestId('timeline').count()).resolves.toBe(0);
        await system.screenshot(page, 'agency-other-assignment-refused');
        const statuses = await page.evaluate(
          (id) =>
            Promise.all(
              [`/api/v1/audit/assignments/${id}/state`, `/api/v1/audit/assignments/${id}/timeline`].map((url) =>
                fetch(url).then((r) => r.status),
              ),
            ),
          muongLat,
        );
        expect(statuses).toEqual([403, 403]);
        // The same session reads Bá Thước's own.
        const own = await page.evaluate(
          (id) => fetch(`/api/v1/audit/assignments/${id}/state`).then((r) => r.status),
          province.assignment('h-ba-thuoc', '3'),
        );
        expect(own).toBe(200);
      },
      TIMEOUT,
    );
  });
