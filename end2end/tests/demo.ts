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

/** A certificate as a phone would upload it: a (tiny) real PDF. */
export const certificate = {
  name: "sertifikat-bimtek.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
};

/** Today in Palu (WITA, UTC+8), as the server's date fields expect. */
export function todayInPalu(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The suites' `test`. Pages are server-rendered and only their islands load wasm, so a first
 * visit and a returning one exercise the same forms; `hydrated` waits for the islands.
 */
export const test = base;

/** Waits until the islands of the page are hydrated, if the page has islands. */
export async function hydrated(page: Page) {
  // The loader is a module script: it has run (and set data-hydrating) once the page is parsed.
  await page.waitForLoadState("domcontentloaded");
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
