# The API server and the built client. Neo4j runs in its own container (docker-compose.yml).
# Node 22 LTS (the runtime dependencies need Node >= 22.15; package.json "engines").

# Build stage: every dependency, to build the client with Vite.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client

# Runtime stage: production dependencies only, the server's sources (run by tsx) and the built client.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY server server
COPY cypher cypher
COPY seeds seeds
COPY tools tools
COPY --from=build /app/dist/client dist/client
USER node
EXPOSE 4000
# node itself is the entry process (PID 1), not npm or npx: SIGTERM from `docker stop` reaches the server's handler,
# which closes the HTTP server and the driver before exiting.
CMD ["node", "--import", "tsx", "server/main.ts"]
