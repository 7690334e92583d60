import { expect, test } from "@playwright/test";
import { demoAccounts, logIn, nav } from "./demo";

const accounts = demoAccounts();

// Each page but login and home is a lazy route: its wasm chunk is fetched when the page is
// first shown, not on the first visit. (Hydrated only: without JavaScript there is no wasm.)
test("a page's code is fetched when the page is first shown, not before", async ({ page }) => {
  const pageChunks: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/pkg\/split_.*\.wasm$/.test(path)) pageChunks.push(path);
  });

  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(accounts.pegawai.name);
  expect(pageChunks, "login and home need no page chunk").toEqual([]);

  await nav(page).getByRole("link", { name: "Rencana" }).click();
  await expect(page.getByRole("heading", { name: "Rencana Pengembangan", level: 1 })).toBeVisible();
  expect(pageChunks.some((path) => path.includes("plan_route"))).toBe(true);
  expect(pageChunks.every((path) => path.includes("plan_route")), "only the plan page's chunk").toBe(true);
});
