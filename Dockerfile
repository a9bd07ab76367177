# The API server and the built client. Neo4j runs in its own container (docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client
USER node
EXPOSE 4000
CMD ["npx", "tsx", "server/main.ts"]
