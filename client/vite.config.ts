import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.API_URL ?? "http://localhost:4000";

/** Builds the analyst client into dist/client (served by the API server at `/`); dev mode proxies the API. */
export default defineConfig({
  root,
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../dist/client", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/graphql": api,
      "/health": api,
    },
  },
});
