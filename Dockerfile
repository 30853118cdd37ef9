# The repository's services, built once; docker-compose.yml picks the entry point.
FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV MONITOR_DATA_DIR=/data PORT=3000
EXPOSE 3000
CMD ["node", "dist/services/standalone/src/main.js"]
