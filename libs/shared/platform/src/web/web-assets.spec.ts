import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { WEB_CSP, WebAssets } from './web-assets';

function built(): WebAssets {
  const dir = mkdtempSync(join(tmpdir(), 'web-assets-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="vi"><script type="module" src="/assets/index-abc.js"></script></html>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc.js'), `console.log(${JSON.stringify('Nhiệm vụ của tôi '.repeat(200))});`);
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  return WebAssets.load(dir)!;
}

describe('WebAssets', () => {
  const web = built();

  it('is null where the app was not built', () => {
    expect(WebAssets.load(mkdtempSync(join(tmpdir(), 'empty-')))).toBeNull();
  });

  it('answers a hashed asset compressed as the browser accepts, cached for a year', () => {
    const br = web.answer('GET', '/assets/index-abc.js', 'gzip, deflate, br')!;
    expect(br.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'br',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    const gzip = web.answer('GET', '/assets/index-abc.js', 'gzip')!;
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = web.answer('GET', '/assets/index-abc.js', undefined)!;
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
  });

  it('answers index.html, never cached, with its security policy, for every path of the app', () => {
    for (const path of ['/', '/my-assignments', '/assignments/0190-abc?tab=history', '/sign-in']) {
      const answer = web.answer('GET', path, undefined)!;
      expect([path, answer.status, answer.body.toString()]).toEqual([path, 200, expect.stringContaining('<html lang="vi">')]);
      expect(answer.headers).toMatchObject({ 'cache-control': 'no-cache', 'content-security-policy': WEB_CSP, 'x-frame-options': 'DENY' });
    }
    expect(WEB_CSP).toMatch(/script-src 'self';/);
    expect(WEB_CSP).toMatch(/frame-ancestors 'none'/);
  });

  it('leaves the API, the docs, health and metrics to their routes, and every method but GET and HEAD', () => {
    for (const path of ['/api/v1/directives', '/api', '/docs', '/docs/openapi.json', '/health/ready', '/metrics'])
      expect([path, web.answer('GET', path, undefined)]).toEqual([path, null]);
    expect(web.answer('POST', '/', undefined)).toBeNull();
    expect(web.answer('HEAD', '/', undefined)?.status).toBe(200);
  });

  it('answers 404 for a missing file, and nothing outside the build', () => {
    expect(web.answer('GET', '/assets/missing.js', undefined)?.status).toBe(404);
    expect(web.answer('GET', '/favicon.svg', undefined)?.headers['content-type']).toBe('image/svg+xml');
    for (const path of ['/../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/%00', '/%E0%A4%A'])
      expect([path, web.answer('GET', path, undefined)]).toEqual([path, null]);
  });
});
