# One image for every role (ROLE=api|worker|all) and for the migrations step
# (`node database/dist/cli.js migrate`). `npm run build` compiles the server to JavaScript in the
# build stage; the final image holds only that output, the built client and production packages,
# and runs plain node (no tsx or esbuild at runtime). It runs as the unprivileged `node` user
# (uid 1000, numeric so orchestrators can verify runAsNonRoot); the app's files stay owned by
# root, so the running process cannot change its own code.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# The lock file is npm 11's; the npm bundled with Node 22 is older.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
COPY flows-schema/package.json flows-schema/
COPY database/package.json database/
COPY server/package.json server/
COPY client/package.json client/

FROM base AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Only what the compiled server imports: no dev tools, no client packages, no install scripts.
FROM base AS prod-deps
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace server --workspace database --workspace flows-schema

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 CLIENT_DIST_DIR=/app/client/dist \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
COPY --from=prod-deps /app/node_modules ./node_modules
# Each package.json says "type": "module" for the compiled files beside it.
COPY --from=build /app/package.json ./
COPY --from=build /app/server/package.json ./server/
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/database/package.json ./database/
COPY --from=build /app/database/dist ./database/dist
COPY --from=build /app/client/dist ./client/dist
USER 1000:1000
EXPOSE 3000
# node runs the server itself (no npm or shell wrapper process), so SIGTERM reaches it for a clean stop.
CMD ["node", "server/dist/main.js"]
