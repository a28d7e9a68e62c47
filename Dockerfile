# news-digest: multi-stage build on Node 24 slim, running as the unprivileged `node` user.
# Build: docker build -t news-digest .
# Run:   docker run --rm -v news-digest-data:/app/data -p 9090:9090 news-digest
# With Redis as the store: docker compose up (see docker-compose.yml).
# The build installs with `npm ci`, the same command CI (.ci/run) starts with; Node runs the TypeScript
# sources directly, so there is no compile step to keep in sync.

FROM node:24-slim AS deps
WORKDIR /app
# sqlite3 compiles from source when no prebuilt binary can be fetched. Versions follow the base
# image's Debian release, which is what pins them.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production \
    HEALTH_HOST=0.0.0.0 \
    HEALTH_PORT=9090
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY config ./config
COPY seeds ./seeds
# The SQLite store lives here by default (config store.url sqlite://data/...); the volume keeps it
# across container restarts and upgrades.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# 9090: GET /healthz and GET /metrics. 3000: Slack's HTTP endpoint (HTTP mode only; Socket Mode and
# Discord need no inbound port).
EXPOSE 9090 3000
# Slim images have no curl; Node's fetch does the probe. /healthz answers 503 when the store, a chat
# connection or polling is broken. The start period covers the first poll of every source.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||9090)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/news-digest.js"]
CMD ["start"]
