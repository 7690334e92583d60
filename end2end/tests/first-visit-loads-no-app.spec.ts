import { expect, test } from "@playwright/test";
import { demoAccounts, hydrated, logIn, logOut, nav } from "./demo";

const accounts = demoAccounts();

// A first visit (nothing of Bina in the browser yet; hence Playwright's own `test`, not the
// returning visitor of ./demo): login and home are plain HTML and fetch no wasm at all. The app
// is fetched when the person opens a page that needs it, with that page's chunk only; from
// then on login and home hydrate too. (Hydrated only: without JavaScript there is no wasm.)
test("a first visit fetches no wasm for login and home, then only what a page needs", async ({ page }) => {
  const wasm: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm")) wasm.push(path);
  });

  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(accounts.pegawai.name);
  await expect(page.locator("html[data-hydrating]")).toHaveCount(0);
  expect(wasm, "login and home work without the app").toEqual([]);

  await nav(page).getByRole("link", { name: "Rencana" }).click();
  await expect(page.getByRole("heading", { name: "Rencana Pengembangan", level: 1 })).toBeVisible();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  expect(wasm.some((path) => /^\/pkg\/bina[^/]*\.wasm$/.test(path)), "the main module").toBe(true);
  const chunks = wasm.filter((path) => path.startsWith("/pkg/split_"));
  expect(chunks.length).toBeGreaterThan(0);
  expect(chunks.every((path) => path.includes("plan_route")), "only the plan page's chunk").toBe(true);

  // The app is in the browser now: login hydrates as for every returning visitor.
  await logOut(page);
  await page.goto("/masuk");
  await expect(page.locator("html[data-hydrating]")).toHaveCount(1);
  await hydrated(page);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
});
