# One image for every process of the system; the command picks the entry point:
#   node dist/services/standalone/src/main.js   the embedded form (default)
#   node dist/services/<task-assignment|progress-events|report-projection|gateway>/src/main.js
#                                              the distributed form (docker-compose.yml)
# Node.js 24 (LTS). Node 26 waits for the SQLite driver: better-sqlite3 12 declares
# Node 20 to 25; 13, which adds 26, drops the Node 20 this project also runs on.
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compile with swc into dist/, then drop the build and test tools.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Same Debian release as the build stage, so better-sqlite3's native module loads.
FROM node:24-bookworm-slim
ENV NODE_ENV=production MONITOR_DATA_DIR=/data PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The data directory (SQLite files, the embedded form's JWT key) belongs to the
# image's unprivileged user "node"; the code stays read-only to it.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Healthy: the process is ready, every dependency it uses answered (/health/ready; the gateway's asks the services').
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/services/standalone/src/main.js"]
