# One image for every role (ROLE=api|worker|all). Built as root, run as the unprivileged `node`
# user (uid 1000, numeric so orchestrators can verify runAsNonRoot); the app's files stay owned by
# root, so the running process cannot change its own code.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY flows-schema/package.json flows-schema/
COPY database/package.json database/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client
ENV NODE_ENV=production HOST=0.0.0.0 CLIENT_DIST_DIR=/app/client/dist
USER 1000:1000
EXPOSE 3000
# node runs the server itself (no npx or tsx wrapper process), so SIGTERM reaches it for a clean stop.
CMD ["node", "--import", "tsx", "server/src/main.ts"]
