# syntax=docker/dockerfile:1
# sipgraph: build the TypeScript with dev dependencies, then run the compiled gateway on Node 24
# with production dependencies only: no tests, no sources, no demo unless asked, not as root.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    SIPGRAPH_ADDRESS_FILE=/tmp/sipgraph.address
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY schema ./schema
COPY config/node.env ./config/node.env
USER node
EXPOSE 4000
# Probes the port the gateway really listens on (written to SIPGRAPH_ADDRESS_FILE at start-up).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/src/healthcheck.js"]
# A config file is required: mount it and set SIPGRAPH_CONFIG (or pass --config FILE).
# Without one the container exits with a message; `--demo` (or SIPGRAPH_DEMO=1) runs the demo.
# The Node options live in config/node.env, shared with `npm start` and the bench.
ENTRYPOINT ["node", "--env-file=config/node.env", "dist/src/main.js"]
CMD []
