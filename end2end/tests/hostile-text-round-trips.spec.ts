import { expect, type Page } from "@playwright/test";
import { certificate, demoAccounts, hydrated, logIn, open, test, todayInPalu } from "./demo";

const accounts = demoAccounts();

// Markup, quotes, template syntax, SQL, an emoji and a decomposed "é" (stored as NFC).
const HOSTILE =
  `<script>window.__pwned=1</script>"'><img src=x onerror="window.__pwned=2"> {{x}} \${x} ' OR 1=1 -- 😀 Cafe\u0301`;
const STORED = HOSTILE.normalize("NFC");

/** Collects uncaught page errors and console errors (a Rust panic in an island is one). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}

async function pwned(page: Page, javaScript: boolean): Promise<unknown> {
  return javaScript ? page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned) : undefined;
}

// The admin's own plan and ledger (no other flow uses them). With and without JavaScript:
// hostile text is shown as the text it is, on pages whose islands hydrate after it, and a
// bidi override is refused with the form's message instead of being stored.
test("hostile text in plan and JP fields is shown as text, never run @nojs", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const errors = watchErrors(page);
  await logIn(page, accounts.admin.nip);
  await expect(page).toHaveURL(/\/$/);

  // A plan item titled with it.
  await open(page, "/rencana");
  await page.getByLabel("Jalur pengembangan").selectOption("pelatihan_teknis");
  await page.getByLabel("Nama kegiatan").fill(HOSTILE);
  await page.getByLabel("JP rencana").fill("8");
  await page.getByRole("button", { name: "Tambah ke rencana" }).click();
  await expect(page.getByRole("rowheader", { name: STORED, exact: true })).toBeVisible();

  // A bidi override (the "gnp.exe" trick) is refused, and the form keeps what was typed.
  await page.getByLabel("Nama kegiatan").fill("Pelatihan \u202Egnp.exe");
  await page.getByRole("button", { name: "Tambah ke rencana" }).click();
  await expect(page.getByText(/karakter yang tidak bisa disimpan/)).toBeVisible();
  await expect(page.getByRole("rowheader")).toHaveCount(1);

  // The page comes back with its island working after the hostile row.
  await open(page, "/rencana");
  await expect(page.getByRole("rowheader", { name: STORED, exact: true })).toBeVisible();
  if (javaScript) {
    await hydrated(page);
    await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
    await page.getByLabel("Jalur pengembangan").selectOption("seminar");
    await expect(page.getByLabel("JP rencana")).toHaveValue("4");
  }

  // A JP entry titled and organised with it.
  const today = todayInPalu();
  await open(page, "/jp");
  await page.getByLabel("Jalur pengembangan").selectOption("bimbingan_teknis");
  await page.getByLabel("Nama kegiatan").fill(HOSTILE);
  await page.getByLabel("Penyelenggara").fill(HOSTILE);
  await page.getByLabel("Tanggal mulai").fill(today);
  await page.getByLabel("Tanggal selesai").fill(today);
  await page.getByLabel("Lama").fill("1");
  await page.getByLabel("Satuan").selectOption("days");
  await page.getByLabel(/^Sertifikat/).setInputFiles({ ...certificate, name: `${HOSTILE}.pdf` });
  await page.getByRole("button", { name: "Catat kegiatan" }).click();
  await expect(page.getByText("Kegiatan tercatat dan menunggu verifikasi.")).toBeVisible();
  await open(page, "/jp");
  await expect(page.getByText(STORED).first()).toBeVisible();
  if (javaScript) await hydrated(page);

  expect(await pwned(page, javaScript), "no script of the text ran").toBeUndefined();
  expect(errors, "no page error, console error or dialog").toEqual([]);
});
