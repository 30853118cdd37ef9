import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type ProxyOptions } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * In dev and preview only, `/api` goes to the embedded server (sign in as
 * in production); with DM_DEV_TOKEN set, each proxied request carries it as
 * a bearer token instead, so the app can be tried without an account.
 * Nothing here reaches the build.
 */
function apiProxy(target: string, token: string | undefined): ProxyOptions {
  return {
    target,
    changeOrigin: false,
    configure: (proxy) => {
      if (token) proxy.on('proxyReq', (request) => request.setHeader('authorization', `Bearer ${token}`));
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, webRoot, 'DM_');
  const target = env.DM_API_URL ?? 'http://127.0.0.1:3999';
  const token = env.DM_DEV_TOKEN || undefined;
  return {
    root: webRoot,
    base: '/',
    plugins: [react()],
    resolve: { alias: { '@dm/contracts/web': `${repoRoot}libs/shared/contracts/src/web.ts` } },
    build: { outDir: `${repoRoot}dist/services/web`, emptyOutDir: true, assetsDir: 'assets', chunkSizeWarningLimit: 700 },
    server: { port: 5173, proxy: { '/api': apiProxy(target, token) } },
    preview: { port: 4173, proxy: { '/api': apiProxy(target, token) } },
  };
});
