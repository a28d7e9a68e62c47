# news-digest: multi-stage build on Node 24 slim, running as the unprivileged `node` user.
# Build: docker build -t news-digest .   Run: docker run --rm -v news-digest-data:/app/data news-digest

FROM node:24-slim AS deps
WORKDIR /app
# sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY config ./config
COPY seeds ./seeds
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
ENTRYPOINT ["node", "bin/news-digest.js"]
CMD ["start"]
