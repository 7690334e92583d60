import { expect } from "@playwright/test";
import { demoAccounts, hydrated, logIn, nav, open, test } from "./demo";

const accounts = demoAccounts();

/** Records the paths of the app's own JavaScript and wasm the page fetches. */
function appRequests(page: import("@playwright/test").Page): string[] {
  const fetched: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/pkg/") && /\.(js|wasm)$/.test(path)) fetched.push(path);
  });
  return fetched;
}

// Pages are server-rendered; only their interactive parts (islands) load the app. (Hydrated
// only: without JavaScript nothing is fetched anyway.)
test("a page without islands fetches no app; a page with islands fetches one module", async ({ page }) => {
  const fetched = appRequests(page);
  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(accounts.pegawai.name);
  for (const path of ["/kompetensi", "/katalog", "/belajar", "/mentoring", "/notifikasi"]) {
    await open(page, path);
    await expect(page.locator("html[data-hydrating]"), path).toHaveCount(0);
  }
  expect(fetched, "login, home and pages without islands load no app").toEqual([]);

  // The plan page's form has an island (the planned JP follow the chosen path).
  await nav(page).getByRole("link", { name: "Rencana" }).click();
  await expect(page.getByRole("heading", { name: "Rencana Pengembangan", level: 1 })).toBeVisible();
  await hydrated(page);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  expect(fetched.filter((path) => path.endsWith(".wasm")), "one wasm module").toHaveLength(1);
  expect(fetched.filter((path) => path.endsWith(".js")), "one script").toHaveLength(1);
  await page.getByLabel("Jalur pengembangan").selectOption("seminar");
  await expect(page.getByLabel("JP rencana")).toHaveValue("4");
});

test("a failed download of the app leaves a working page, and the next page tries again", async ({ page }) => {
  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  const blocked = (route: import("@playwright/test").Route) => route.abort("connectionreset");
  await page.route("**/pkg/*.wasm", blocked);
  await page.goto("/jp");
  // The loader gives up (data-hydrating is taken off) and the page stays as the server sent it.
  await expect(page.locator("html[data-hydrating]")).toHaveCount(0);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(0);
  const record = page.getByRole("button", { name: "Catat kegiatan" });
  await expect(record).toBeEnabled();
  await expect(page.locator('form[action="/api/jp-catat"][method="post"]')).toHaveCount(1);
  await page.getByLabel("Jalur pengembangan").selectOption("seminar");

  // The link is back: the next page opened loads the app and its islands work.
  await page.unroute("**/pkg/*.wasm", blocked);
  await nav(page).getByRole("link", { name: "Rencana" }).click();
  await expect(page.getByRole("heading", { name: "Rencana Pengembangan", level: 1 })).toBeVisible();
  await hydrated(page);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.getByLabel("Jalur pengembangan").selectOption("seminar");
  await expect(page.getByLabel("JP rencana")).toHaveValue("4");
});
