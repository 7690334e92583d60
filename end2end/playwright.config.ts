import { defineConfig } from "@playwright/test";

// The server is started by scripts/test.sh (one start for both projects) on BINA_E2E_URL.
const baseURL = process.env.BINA_E2E_URL ?? "http://127.0.0.1:3100";

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  // Bina speaks Indonesian whatever the browser asks for, until someone picks English.
  use: { baseURL, launchOptions, trace: "off", locale: "id-ID" },
  projects: [
    {
      name: "hydrated",
      use: { javaScriptEnabled: true },
    },
    {
      // The flows that must work before (or without) the wasm: login, logout, navigation,
      // home, language.
      name: "no-js",
      use: { javaScriptEnabled: false },
      grep: /@nojs/,
    },
  ],
});
