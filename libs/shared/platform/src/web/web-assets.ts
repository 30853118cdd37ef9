import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

/** Paths the API and the operators' routes own: never answered with the app. */
const NOT_THE_APP = /^\/(api|docs|health|metrics|\.well-known)(\/|$)/;

/**
 * The web app's policy (docs/security.md, "The web app's headers"): scripts and styles of this origin only (AntD writes
 * its styles at run time, hence inline styles), nothing framed, no referrer sent elsewhere.
 */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

interface Asset {
  type: string;
  body: Buffer;
  compressible: boolean;
  /** Compressed on the first request that accepts it, then kept. */
  br?: Buffer;
  gzip?: Buffer;
  immutable: boolean;
}

export interface WebAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The built web app (services/web, `vite build`), held in memory with each
 * text file compressed once, when first asked for (brotli, gzip): a file by its path, hashed
 * assets cached for a year, and index.html for every other path of the app
 * (the browser's router reads it).
 */
export class WebAssets {
  private constructor(private readonly files: Map<string, Asset>) {}

  /** The app built in `dir`, or null when it was not built there. */
  static load(dir: string): WebAssets | null {
    if (!existsSync(join(dir, 'index.html'))) return null;
    const files = new Map<string, Asset>();
    const walk = (at: string) => {
      for (const name of readdirSync(at)) {
        const path = join(at, name);
        // A file a build running now has just removed is not part of the app.
        const stat = statSync(path, { throwIfNoEntry: false });
        if (stat?.isDirectory()) walk(path);
        else if (stat) files.set(`/${relative(dir, path).split(sep).join('/')}`, assetOf(path, relative(dir, path)));
      }
    };
    walk(dir);
    return new WebAssets(files);
  }

  /** The answer to a GET or HEAD of the app, or null for a path the app does not own. */
  answer(method: string, url: string, acceptEncoding: string | undefined): WebAnswer | null {
    if (method !== 'GET' && method !== 'HEAD') return null;
    const path = decodePath(url.split('?')[0]);
    if (path === null || NOT_THE_APP.test(path)) return null;
    const file = this.files.get(path);
    if (!file && extname(path)) return notFound();
    const asset = file ?? this.files.get('/index.html')!;
    const encoding = pickEncoding(acceptEncoding, asset);
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    };
    if (asset.type.startsWith('text/html')) {
      headers['content-security-policy'] = WEB_CSP;
      headers['x-frame-options'] = 'DENY';
    }
    if (encoding) headers['content-encoding'] = encoding;
    return { status: 200, headers, body: encoding ? compressed(asset, encoding) : asset.body };
  }
}

function assetOf(path: string, relativePath: string): Asset {
  const extension = extname(path);
  const body = readFileSync(path);
  return {
    type: TYPES[extension] ?? 'application/octet-stream',
    body,
    compressible: COMPRESSIBLE.has(extension) && body.length > 1024,
    immutable: relativePath.split(sep)[0] === 'assets',
  };
}

function compressed(asset: Asset, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'br') return (asset.br ??= brotliCompressSync(asset.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
  return (asset.gzip ??= gzipSync(asset.body, { level: 9 }));
}

function pickEncoding(accept: string | undefined, asset: Asset): 'br' | 'gzip' | null {
  if (!asset.compressible) return null;
  const offered = (accept ?? '').toLowerCase();
  if (/\bbr\b/.test(offered)) return 'br';
  if (/\bgzip\b/.test(offered)) return 'gzip';
  return null;
}

function decodePath(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') || decoded.split('/').includes('..') ? null : decoded;
  } catch {
    return null;
  }
}

const notFound = (): WebAnswer => ({
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  body: Buffer.from('Not found\n'),
});

/** Where the build puts the app: `dist/services/web` of the repository this code runs from (WEB_DIR overrides). */
export function defaultWebDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEB_DIR) return env.WEB_DIR;
  let at = __dirname;
  while (dirname(at) !== at && !existsSync(join(at, 'package.json'))) at = dirname(at);
  return join(at, 'dist', 'services', 'web');
}
