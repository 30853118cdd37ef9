import type { Locator, Page } from 'playwright-core';
import { BrowserSystem, browserTierRuns } from './browser-system';
import { choose, PASSWORD, PEOPLE, setUpProvince, typeDate, writeAYear, type Person, type Province } from './province';

/** Jest takes its timeout from the root config (60 s), not the browser project's; a slow, shared machine needs more. */
const TIMEOUT = 180_000;
/**
 * Every page of the web app, for each role that may open it, on a year of
 * letter 4308/UBND-VX's progress (the demo's): each page once it has loaded
 * what it shows, saved as test-output/screenshots/<role>-<page>.png, with no
 * serious or critical WCAG 2.1 A/AA violation (axe-core) and no empty space
 * to scroll below its content. One page again in English.
 */

interface Stop {
  page: string;
  /** The page's heading (h1), which says the page has changed. */
  title: string;
  /** Gets there as a person would: the navigation, a link, or the page's address with its choices. */
  open: (page: Page) => Promise<void>;
  /** What shows once the page has loaded its content. */
  ready: (page: Page) => Locator;
}

const nav = (page: Page, name: string) => page.getByTestId('main-nav').getByRole('link', { name, exact: true });
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const rows = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr.ant-table-row').first();

if (browserTierRuns())
  describe('a tour of every page for each role (browser)', () => {
    const system = new BrowserSystem();
    let province: Province;

    beforeAll(async () => {
      await system.start();
      province = await setUpProvince(system, [PEOPLE.admin, PEOPLE.muongLat, PEOPLE.office, PEOPLE.inspector]);
      await writeAYear(system, province);
    }, TIMEOUT);
    afterAll(() => system.stop());

    const muongLat = () => province.assignment('h-muong-lat', '3');
    const history = () => `/inspect/timeline?directive=${province.directiveId}&task=3&assignment=${muongLat()}`;
    const go = (path: () => string) => async (page: Page) => void (await page.goto(`${system.url}${path()}`));
    const via = (label: string) => async (page: Page) => nav(page, label).click();

    const stops = {
      myAssignments: {
        page: 'my-assignments',
        title: 'Nhiệm vụ của tôi',
        open: via('Nhiệm vụ của tôi'),
        ready: (p) => rows(p, 'my-assignments'),
      },
      reminders: { page: 'reminders', title: 'Nhắc nhở, đôn đốc', open: via('Nhắc nhở, đôn đốc'), ready: (p) => rows(p, 'reminders') },
      assignment: {
        page: 'assignment',
        title: 'Văn bản 4308/UBND-VX — Nhiệm vụ 3',
        open: go(() => `/assignments/${muongLat()}`),
        ready: (p) => p.getByTestId('timeline-event').filter({ hasText: 'Xác nhận hoàn thành' }),
      },
      directives: {
        page: 'directives',
        title: 'Văn bản chỉ đạo',
        open: via('Văn bản chỉ đạo'),
        ready: (p) => p.getByTestId('directive-link').first(),
      },
      directiveGrid: {
        page: 'directive-grid',
        title: 'Văn bản 4308/UBND-VX',
        open: async (p) => {
          await via('Văn bản chỉ đạo')(p);
          await p.getByTestId('directive-link').filter({ hasText: '4308/UBND-VX' }).click();
        },
        ready: (p) => p.getByTestId('grid-cell').first(),
      },
      overdue: { page: 'overdue', title: 'Quá hạn', open: via('Quá hạn'), ready: (p) => rows(p, 'overdue') },
      confirmations: {
        page: 'confirmations',
        title: 'Chờ xác nhận',
        open: via('Chờ xác nhận'),
        ready: (p) => p.getByTestId('confirmations').locator('tbody tr', { hasText: 'UBND huyện Bá Thước' }),
      },
      issueDirective: {
        page: 'issue-directive',
        title: 'Ban hành văn bản',
        open: async (p) => {
          await via('Ban hành văn bản')(p);
          await p.getByLabel('Số, ký hiệu').fill('52/UBND-VX');
          // The district committees were a group until 2025: a directive of 2017 fans out to them.
          await typeDate(p, 'Ngày ban hành', '15/03/2017');
          await choose(p, 'Chủ trì', 'UBND các huyện, thị xã, thành phố', 'UBND các huyện');
          // The preview names every district the task will reach.
          await p
            .getByTestId('fan-out-preview')
            .getByRole('button', { name: /^Sẽ giao cho/ })
            .click();
          await p.getByTestId('fan-out-preview').getByText('UBND huyện Mường Lát').waitFor();
        },
        ready: (p) =>
          p
            .getByTestId('fan-out-preview')
            .getByText(/^Sẽ giao cho 27 cơ quan chủ trì và 0 cơ quan phối hợp \(theo danh mục ngày 15\/03\/2017\)$/),
      },
      reports: { page: 'reports', title: 'Báo cáo', open: go(() => '/reports?period=2017'), ready: (p) => rows(p, 'rollup-groups') },
      issueReport: {
        page: 'issue-report',
        title: 'Ban hành báo cáo kỳ',
        open: async (p) => {
          await go(() => '/reports?period=2017')(p);
          await p.getByTestId('issue-report').click();
        },
        ready: (p) => p.getByTestId('issue-report-form'),
      },
      history: { page: 'history', title: 'Lịch sử', open: go(history), ready: (p) => p.getByTestId('timeline-event').last() },
      verify: {
        page: 'verify',
        title: 'Kiểm tra toàn vẹn',
        open: async (p) => {
          await via('Kiểm tra toàn vẹn')(p);
          await p.getByTestId('verify-run').click();
        },
        ready: (p) => p.getByTestId('verify-result').getByText('Dữ liệu toàn vẹn'),
      },
      annualReview: {
        page: 'annual-review',
        title: 'Kiểm điểm năm',
        open: go(() => '/inspect/annual-review?year=2017'),
        ready: (p) => rows(p, 'annual-review'),
      },
      accessLog: { page: 'access-log', title: 'Nhật ký truy cập', open: via('Nhật ký truy cập'), ready: (p) => rows(p, 'access-log') },
      accounts: {
        page: 'accounts',
        title: 'Tài khoản',
        open: via('Tài khoản'),
        ready: (p) => p.getByTestId('accounts').getByText(PEOPLE.muongLat.username),
      },
      registry: { page: 'registry', title: 'Danh mục cơ quan', open: via('Danh mục cơ quan'), ready: (p) => rows(p, 'registry-agencies') },
      rebuild: { page: 'rebuild', title: 'Dựng lại dữ liệu', open: via('Dựng lại dữ liệu'), ready: (p) => p.getByTestId('rebuild-status') },
      account: {
        page: 'account',
        title: 'Tài khoản của tôi',
        open: async (p) => p.getByTestId('current-user').click(),
        ready: (p) => p.getByText('Phiên đăng nhập trên trình duyệt'),
      },
    } satisfies Record<string, Stop>;

    /** Pixels the page scrolls on below its content (0 when the page ends where its content does). */
    const emptyBelow = (page: Page) =>
      page.evaluate(() => {
        const { document, window } = globalThis as any; // in the page (the tests' types have no DOM)
        const content = document.querySelector('.app-body') ?? document.querySelector('#main');
        return content
          ? Math.max(0, document.documentElement.scrollHeight - Math.ceil(content.getBoundingClientRect().bottom + window.scrollY))
          : 0;
      });

    /** Visits each stop signed in as `person`; every page's problems, by page, are expected to be none. */
    const tour = async (role: string, person: Person, route: Stop[], after?: (page: Page) => Promise<void>) => {
      const page = await system.page();
      await system.signIn(page, person.username, PASSWORD);
      const problems: Record<string, unknown> = {};
      for (const stop of route) {
        await stop.open(page);
        await heading(page, stop.title).waitFor();
        await stop.ready(page).waitFor();
        await system.settled(page);
        await system.screenshot(page, `${role}-${stop.page}`);
        const violations = await system.seriousViolations(page);
        if (violations.length) problems[`${stop.page}: axe`] = violations;
        const empty = await emptyBelow(page);
        if (empty > 1) problems[`${stop.page}: empty space below the content`] = `${empty}px`;
      }
      await after?.(page);
      return problems;
    };

    it(
      'the sign-in page',
      async () => {
        const page = await system.page();
        await page.goto(`${system.url}/`);
        await page.getByTestId('sign-in-form').waitFor();
        await system.settled(page);
        await system.screenshot(page, 'guest-sign-in');
        await expect(system.seriousViolations(page)).resolves.toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'an agency officer’s pages (UBND huyện Mường Lát)',
      async () => {
        const { myAssignments, reminders, assignment, account } = stops;
        await expect(tour('agency', PEOPLE.muongLat, [myAssignments, reminders, assignment, account])).resolves.toEqual({});
      },
      TIMEOUT,
    );

    it(
      'the monitoring office’s pages (Sở LĐ-TB&XH), and one in English',
      async () => {
        const s = stops;
        const english = async (page: Page) => {
          // The language switch, once: the directive's page in English, then back.
          await s.directiveGrid.open(page);
          await s.directiveGrid.ready(page).waitFor();
          await page.getByTestId('language-switch').click();
          await heading(page, 'Directive 4308/UBND-VX').waitFor();
          await page.getByRole('heading', { level: 2, name: 'Progress by agency' }).waitFor();
          await expect(nav(page, 'Directives').isVisible()).resolves.toBe(true);
          await system.settled(page);
          await system.screenshot(page, 'office-directive-grid-en');
          await expect(system.seriousViolations(page)).resolves.toEqual([]);
          await page.getByTestId('language-switch').click();
          await heading(page, 'Văn bản 4308/UBND-VX').waitFor();
        };
        const route = [
          s.reminders,
          s.directives,
          s.directiveGrid,
          {
            ...s.assignment,
            open: go(() => `/assignments/${province.assignment('h-ba-thuoc', '3')}`),
            ready: (p: Page) => p.getByRole('tab', { name: 'Xác nhận' }),
          },
          s.overdue,
          s.confirmations,
          s.issueDirective,
          s.reports,
          s.issueReport,
          s.annualReview,
          s.account,
        ];
        await expect(tour('office', PEOPLE.office, route, english)).resolves.toEqual({});
      },
      TIMEOUT,
    );

    it(
      'an inspector’s pages (Thanh tra tỉnh)',
      async () => {
        const s = stops;
        const route = [
          s.directives,
          s.directiveGrid,
          s.assignment,
          s.reports,
          s.history,
          s.verify,
          s.annualReview,
          s.accessLog,
          s.rebuild,
          s.account,
        ];
        await expect(tour('inspector', PEOPLE.inspector, route)).resolves.toEqual({});
      },
      TIMEOUT,
    );

    it(
      'an admin’s pages',
      async () => {
        const s = stops;
        const route = [
          s.directives,
          s.directiveGrid,
          s.assignment,
          s.reports,
          s.history,
          s.verify,
          s.annualReview,
          s.accessLog,
          s.accounts,
          s.registry,
          s.rebuild,
          s.account,
        ];
        await expect(tour('admin', PEOPLE.admin, route)).resolves.toEqual({});
      },
      TIMEOUT,
    );
  });
