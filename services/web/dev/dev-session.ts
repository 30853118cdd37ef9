import type { Plugin } from 'vite';

/**
 * Dev only, with DM_DEV_TOKEN: answers the sign-in routes from the token's
 * claims when the server does not have them (404), so the pages can be built
 * against an API that only takes bearer tokens. `apply: 'serve'` keeps it out
 * of the build.
 */
export function devSession(target: string, token: string | undefined): Plugin {
  const claims = token ? decodeClaims(token) : null;
  const answers: Record<string, unknown> = claims
    ? {
        'GET /api/v1/auth/session': {
          account: { username: claims.sub, displayName: claims.name ?? claims.sub, agencyId: claims.agencyId ?? null, roles: claims.roles },
          via: 'token',
          csrfToken: null,
          expiresAt: null,
        },
        'GET /api/v1/auth/methods': { local: true, oidc: null },
      }
    : {};
  return {
    name: 'dm-dev-session',
    apply: 'serve',
    configureServer: (server) => serve(server.middlewares),
    configurePreviewServer: (server) => serve(server.middlewares),
  };

  function serve(middlewares: { use: (fn: (req: any, res: any, next: () => void) => void) => void }) {
    middlewares.use((req, res, next) => {
      const answer = answers[`${req.method} ${String(req.url).split('?')[0]}`];
      if (!answer || !token) return next();
      fetch(`${target}${req.url}`, { headers: { authorization: `Bearer ${token}` } })
        .then((backend) => {
          if (backend.status !== 404) return next();
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(answer));
        })
        .catch(() => next());
    });
  }
}

interface Claims {
  sub: string;
  name?: string | null;
  agencyId?: string | null;
  roles: string[];
}

function decodeClaims(token: string): Claims | null {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Claims;
  } catch {
    return null;
  }
}
