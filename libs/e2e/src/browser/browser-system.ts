import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { UserRole } from '@dm/contracts';
import { signingKeysDirOf, TokenService } from '@dm/platform';
import { ApiClient, skipTier } from '@dm/testing';
import { freePort, kill, ROOT, spawnHealthy } from '../process-harness';

/** Debian's Chromium (`apt-get install chromium`, as .ci/run does), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Where the tests leave a screenshot of each page they visit. */
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** True when the browser tier can run here; else the tier is skipped saying why (a failure where REQUIRED_TIERS names CHROMIUM). */
export function browserTierRuns(): boolean {
  if (CHROMIUM) return true;
  skipTier('browser', 'CHROMIUM', 'CHROMIUM: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  return false;
}

/**
 * The built embedded server (`npm run build`: dist/, the web app in
 * dist/services/web) in its own process on a fresh data directory, accounts
 * made with the CLI as a person would, and a real Chromium to drive it.
 */
export class BrowserSystem {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'dm-browser-'));
  url = '';
  private server?: ChildProcess;
  private browser?: Browser;
  private readonly contexts: BrowserContext[] = [];
  private tokens?: TokenService;

  async start(env: NodeJS.ProcessEnv = {}, port?: number): Promise<this> {
    if (!existsSync(join(ROOT, 'dist/services/web/index.html')) || !existsSync(join(ROOT, 'dist/services/standalone/src/main.js')))
      throw new Error('the browser tier runs against the build: run `npm run build` first (npm test does)');
    const listen = port ?? (await freePort());
    this.url = `http://127.0.0.1:${listen}`;
    this.server = await spawnHealthy(
      'dist/services/standalone/src/main.js',
      { ...process.env, PORT: String(listen), HOST: '127.0.0.1', MONITOR_DATA_DIR: this.dataDir, URGING: 'off', LOG_LEVEL: 'warn', ...env },
      listen,
    );
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
    return this;
  }

  /** `npm run cli -- <args>` on this data directory, with `input` on standard input. */
  cli(args: string[], input?: string): string {
    return execFileSync(process.execPath, ['dist/tools/cli/main.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, MONITOR_DATA_DIR: this.dataDir },
      encoding: 'utf8',
      input,
    });
  }

  /** An account made with `admin create`, its password piped in. */
  account(username: string, password: string, roles: UserRole[], agencyId?: string, name = username): void {
    const args = ['admin', 'create', '--username', username, '--name', name, ...roles.flatMap((r) => ['--role', r])];
    this.cli(agencyId ? [...args, '--agency', agencyId] : args, `${password}\n`);
  }

  /** An API client with a CLI-minted bearer token, for setting up what a test starts from. */
  api(role: UserRole, agencyId: string | null, sub = `${role}-setup`): ApiClient {
    const token = this.cli(['token', '--sub', sub, '--role', role, ...(agencyId ? ['--agency', agencyId] : [])]).trim();
    return new ApiClient(this.url, token);
  }

  /**
   * An API client whose bearer token is signed in this process with the data
   * directory's key, as `npm run cli -- token` signs it (without the two
   * seconds a CLI process takes to start): for setting up many writers.
   */
  client(sub: string, role: UserRole, agencyId: string | null, name?: string): ApiClient {
    this.tokens ??= TokenService.holdingKeys(signingKeysDirOf(this.dataDir));
    return new ApiClient(this.url, this.tokens.sign({ sub, name, agencyId, roles: [role] }));
  }

  /** Signs `claims` as the CLI's `token` would (for `runDemo`). */
  sign(claims: { sub: string; name?: string; agencyId: string | null; roles: UserRole[] }): string {
    this.tokens ??= TokenService.holdingKeys(signingKeysDirOf(this.dataDir));
    return this.tokens.sign(claims);
  }

  /** A fresh browser profile in Vietnamese, in Vietnam's time zone, that accepts downloads. */
  async page(): Promise<Page> {
    const context = await this.browser!.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    this.contexts.push(context);
    return context.newPage();
  }

  /** The whole page, or only the window (`fullPage: false`, for a dialog: its mask covers the window, not the page). */
  async screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
    await page.mouse.move(0, 0); // nothing left hovered where the last click was
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
  }

  /** Signs in on the sign-in page as a person does, and waits for the page the app then opens. */
  async signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${this.url}/sign-in`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.getByTestId('main-nav').waitFor();
  }

  /**
   * Waits until the page has loaded what it shows: no request in flight, no
   * spinner (the app's own, AntD's, a table's), no motion still running, no
   * toast still covering the page.
   */
  async settled(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(
      () => {
        const document = (globalThis as any).document; // in the page (the tests' types have no DOM)
        return (
          !document.querySelector('.spinner, .ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"], .toast') &&
          document.getAnimations().every((a: any) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)
        );
      },
      undefined,
      { polling: 100, timeout: 15_000 },
    );
  }

  /** The axe-core violations of WCAG 2.1 A and AA rated serious or critical on the page as it is. */
  async seriousViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close();
    if (this.server) await kill(this.server, 'SIGTERM');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** A child process (the OIDC provider) that prints `ready` once it listens. */
export async function spawnReady(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${output}`)));
  });
  return child;
}
