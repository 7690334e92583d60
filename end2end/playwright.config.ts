import { defineConfig } from "@playwright/test";

// scripts/test.sh starts one server per project, each on its own copy of the demo data, so
// that the flows which change the data run in both: BINA_E2E_URL (JavaScript on) and
// BINA_E2E_NOJS_URL (JavaScript off).
const baseURL = process.env.BINA_E2E_URL ?? "http://127.0.0.1:3100";
const noJsURL = process.env.BINA_E2E_NOJS_URL ?? "http://127.0.0.1:3101";

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
  use: { launchOptions, trace: "off", locale: "id-ID" },
  projects: [
    {
      name: "hydrated",
      use: { baseURL, javaScriptEnabled: true },
    },
    {
      // Every flow tagged @nojs: each feature's core task works without JavaScript.
      name: "no-js",
      use: { baseURL: noJsURL, javaScriptEnabled: false },
      grep: /@nojs/,
    },
  ],
});
