import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();
const COURSE = "Pelatihan Penyusunan Laporan Kinerja";

test("an employee applies for a full classroom course and the pengelola puts her on the waitlist @nojs", async ({ page }) => {
  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await page.getByRole("link", { name: COURSE }).click();
  await expect(page.getByText("Kursi terisi: 3 dari 3.")).toBeVisible();
  await page.getByRole("button", { name: "Daftar", exact: true }).click();
  await expect(page.getByText("Pendaftaran Anda menunggu konfirmasi pengelola OPD.")).toBeVisible();
  await logOut(page);

  await logIn(page, accounts.pengelola_opd.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Pendaftaran Belajar" }).click();
  const row = page.getByRole("row", { name: new RegExp(accounts.pegawai.name) });
  await expect(row.getByRole("link", { name: COURSE })).toBeVisible();
  await row.getByRole("button", { name: "Terima" }).click();
  await expect(page.getByRole("row", { name: new RegExp(accounts.pegawai.name) })).toHaveCount(0);
  await logOut(page);

  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Notifikasi" }).click();
  await expect(page.getByText(/daftar tunggu/)).toBeVisible();
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await page.getByRole("link", { name: COURSE }).click();
  await expect(page.getByText(/Anda nomor 3 di daftar tunggu/)).toBeVisible();
  // Withdrawing takes her off the list; she may apply again.
  await page.getByRole("button", { name: "Mundur dari program" }).click();
  await expect(page.getByRole("button", { name: "Daftar", exact: true })).toBeVisible();
  await logOut(page);
});
