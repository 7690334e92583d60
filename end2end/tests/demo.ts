import { readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";

export const PASSWORD = "bina-demo";

/** Demo logins (role → NIP), read from the table `bina seed --demo` printed. */
export function demoAccounts(): Record<string, { nip: string; name: string }> {
  const file = process.env.BINA_E2E_ACCOUNTS;
  if (!file) throw new Error("BINA_E2E_ACCOUNTS is not set: run the suite with scripts/test.sh");
  const accounts: Record<string, { nip: string; name: string }> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim()).filter((c) => c.length > 0);
    if (cells.length === 3 && /^\d{18}$/.test(cells[1])) {
      accounts[cells[0]] = { nip: cells[1], name: cells[2] };
    }
  }
  return accounts;
}

/**
 * The suites' `test`: with JavaScript on, the browser is a returning visitor, one that already
 * holds the app, so login and home hydrate too and every flow exercises the enhanced forms.
 * (A first visit loads no wasm on those two pages: `first-visit-loads-no-app.spec.ts`.)
 */
export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    if (testInfo.project.use.javaScriptEnabled !== false) {
      const html = await (await page.request.get("/masuk")).text();
      const wasm = html.match(/\/pkg\/[^'"\s]+\.wasm/)?.[0];
      if (!wasm) throw new Error("the login page names no wasm module");
      await page.addInitScript((wasm) => localStorage.setItem("bina-app", wasm), wasm);
    }
    await use(page);
  },
});

/** Waits until the app has hydrated the page, if the page is going to hydrate. */
export async function hydrated(page: Page) {
  if ((await page.locator("html[data-hydrating]").count()) > 0) {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  }
}

/** Opens a page; with JavaScript on, waits until the app has hydrated it. */
export async function open(page: Page, path: string) {
  const response = await page.goto(path);
  await hydrated(page);
  return response;
}

/** The main navigation of the layout. */
export function nav(page: Page) {
  return page.getByRole("navigation", { name: "Navigasi utama" });
}

export async function logIn(page: Page, nip: string, password = PASSWORD) {
  await open(page, "/masuk");
  await page.getByLabel("NIP").fill(nip);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("heading", { name: "Masuk ke Bina" })).toBeVisible();
}
