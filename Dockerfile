# Bazaar on any container host (Fly.io, Railway, Render, Cloud Run, a VPS with Docker): one process
# serving the Mini App and the API, `node dist/server.js`.
# Note: this image has never been built where Bazaar is developed (that machine has no base images);
# the same steps run there without Docker in test/integration/platforms/node-server-build.test.ts.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The Mini App into dist/, then dist/server.js and dist/migrations beside it; then only what runs stays.
RUN npm run build:server && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Only used without DATABASE_URL (embedded PGlite): mount a volume here to keep the data.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 8080
# Applies pending migrations at start unless MIGRATE_ON_START=false (then: npm run db:migrate first).
CMD ["node", "dist/server.js"]
