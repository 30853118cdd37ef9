import type { ChildProcess } from 'node:child_process';
import { freePort, kill } from '../process-harness';
import { BrowserSystem, browserTierRuns, spawnReady } from './browser-system';

/**
 * docs/security.md, "Single sign-on (OpenID Connect)": a real provider
 * (oidc-provider) on loopback; Chromium signs in through its login form and
 * comes back signed in, with the role and agency its claims map to. A person
 * the claims give no role here is refused.
 */
if (browserTierRuns())
  describe('single sign-on with an OpenID Connect provider on loopback (browser)', () => {
    const system = new BrowserSystem();
    let provider: ChildProcess;

    beforeAll(async () => {
      const [idp, app] = [await freePort(), await freePort()];
      const redirect = `http://127.0.0.1:${app}/api/v1/auth/oidc/callback`;
      provider = await spawnReady(['libs/e2e/fixtures/oidc-provider.mjs', String(idp), redirect]);
      await system.start(
        {
          OIDC_ISSUER: `http://127.0.0.1:${idp}`,
          OIDC_CLIENT_ID: 'directive-monitor',
          OIDC_CLIENT_SECRET: 'a-test-secret-of-the-loopback-provider',
          OIDC_REDIRECT_URI: redirect,
          OIDC_ALLOW_HTTP: 'yes',
          OIDC_NAME: 'Keycloak tỉnh Thanh Hóa',
          OIDC_ROLE_MAP: 'thanh-tra=inspector,can-bo=agency_officer',
        },
        app,
      );
    });
    afterAll(async () => {
      await system.stop();
      if (provider) await kill(provider, 'SIGTERM');
    });

    const throughProvider = async (login: string) => {
      const page = await system.page();
      await page.goto(`${system.url}/`);
      await page.getByRole('link', { name: /Keycloak tỉnh Thanh Hóa/ }).click();
      await page.locator('input[name=login]').fill(login);
      await page.locator('input[name=password]').fill('any');
      await page.locator('button[type=submit]').click();
      // The provider asks to consent once per client.
      if (page.url().includes('/interaction/')) await page.locator('button[type=submit]').click();
      await page.waitForURL((url) => url.origin === system.url);
      return page;
    };

    it('signs an inspector in with the provider: the account made from the claims, the session a cookie', async () => {
      const page = await throughProvider('tt.nguyen');
      const session = await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.json()));
      expect(session).toMatchObject({
        via: 'session',
        account: { username: 'oidc.tt.nguyen', displayName: 'Nguyễn Thị Thanh Tra', agencyId: 'thanh-tra-tinh', roles: ['inspector'] },
      });
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'dm_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      await page.waitForLoadState('networkidle');
      await expect(page.getByText('Nguyễn Thị Thanh Tra').first().isVisible()).resolves.toBe(true);
      await system.screenshot(page, 'oidc-signed-in');
      const listed = system.cli(['admin', 'list']);
      expect(listed).toMatch(/^oidc\.tt\.nguyen\tinspector\tthanh-tra-tinh\tenabled\tNguyễn Thị Thanh Tra$/m);
    });

    it('refuses a person the claims give no role here', async () => {
      const page = await throughProvider('khach');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('oidcError')).toBe('403');
      await page.getByText(/chưa được cấp quyền sử dụng hệ thống này \(mã 403\)/).waitFor();
      await system.screenshot(page, 'oidc-refused');
      const session = await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.status));
      expect(session).toBe(401);
      expect(system.cli(['admin', 'list'])).not.toMatch(/oidc\.khach/);
    });
  });
