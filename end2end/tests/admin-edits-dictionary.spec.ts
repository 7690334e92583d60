import { expect } from "@playwright/test";
import { demoAccounts, logIn, test } from "./demo";

const accounts = demoAccounts();

// Each project has its own copy of the demo data, so the flow runs with and without JavaScript.
test("the admin adds a competency, requires it of a position and retires one in use @nojs", async ({ page }) => {
  await logIn(page, accounts.admin.nip);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Kamus Kompetensi" })).toBeVisible();

  await page.getByLabel("Kode").fill("T.PBJ.01");
  await page.getByLabel("Jenis").selectOption("teknis");
  await page.getByLabel("Nama", { exact: true }).fill("Pengadaan Barang dan Jasa");
  await page.getByLabel(/Indikator perilaku/).fill("Memahami\nMenerapkan\nMenangani kasus sulit\nMembimbing\nMenjadi rujukan");
  await page.getByRole("button", { name: "Simpan" }).click();
  const added = page.locator("tr[data-code='T.PBJ.01']");
  await expect(added).toContainText("Pengadaan Barang dan Jasa");
  await expect(added.getByRole("button", { name: "Hapus" })).toBeVisible();

  // M.01 is used by standards and assessments: it can be retired, not deleted.
  const integrity = page.locator("tr[data-code='M.01']");
  await expect(integrity.getByRole("button", { name: "Hapus" })).toHaveCount(0);
  await integrity.getByRole("button", { name: "Pensiunkan" }).click();
  await expect(integrity.getByRole("button", { name: "Aktifkan lagi" })).toBeVisible();
  await integrity.getByRole("button", { name: "Aktifkan lagi" }).click();
  await expect(integrity.getByRole("button", { name: "Pensiunkan" })).toBeVisible();
});
