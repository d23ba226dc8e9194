# One image for every role (ROLE=api|worker|all).
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
EXPOSE 3000
CMD ["npx", "tsx", "server/src/main.ts"]
