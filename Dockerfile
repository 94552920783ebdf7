# syntax=docker/dockerfile:1
# Unrobot: one image for the service (`node src/main.ts`) and the worker (`node src/main.ts --worker-only`).
# Node 24 runs the TypeScript sources directly (type stripping), so there is no build output to copy.

ARG NODE_IMAGE=node:24-slim

# --- verify: the full install, the typecheck. `docker build --target verify .` runs it; the runtime
# image does not depend on it, so production builds skip it.
FROM ${NODE_IMAGE} AS verify
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
COPY scripts ./scripts
COPY tests ./tests
COPY extension-manifest ./extension-manifest
RUN npm run typecheck

# --- deps: production dependencies only, installed exactly from the lockfile.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
  && npm cache clean --force

# --- runtime: Node 24, non-root, no build tools, no dev dependencies.
FROM ${NODE_IMAGE} AS runtime
# HOST: listen on every interface in the container whatever NODE_ENV is (outside production the
# service defaults to 127.0.0.1, which a published port cannot reach, e.g. demo mode with NODE_ENV=development).
# MALLOC_ARENA_MAX: glibc's per-thread malloc arenas held ≈ 12 MB of idle RSS (as in `npm start`).
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json package-lock.json ./
COPY --chown=root:root src ./src
COPY --chown=root:root scripts/dlq.ts ./scripts/dlq.ts
# PGlite keeps its files here when DATABASE_URL is not set; mount a volume on it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# /healthz answers as soon as the process listens (also in worker-only mode). No curl in slim: use Node.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains (stop accepting, finish in-flight requests and jobs) within 25 s; give it 30.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=1024", "src/main.ts"]
