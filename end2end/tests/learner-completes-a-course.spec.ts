import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();

test("a learner completes an online course and its JP enter her ledger @nojs", async ({ page }) => {
  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await page.getByRole("link", { name: "Integritas dan Antikorupsi" }).first().click();
  const enrol = page.getByRole("button", { name: "Ikuti program" });
  if ((await enrol.count()) > 0) await enrol.click();
  await page.getByRole("link", { name: /Mulai belajar|Lanjutkan belajar/ }).click();
  for (const title of ["Nilai dasar BerAKHLAK dalam keseharian", "Gratifikasi: menolak dengan sopan", "Benturan kepentingan"]) {
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Tandai selesai dan lanjut" }).click();
  }
  await expect(page.getByRole("heading", { name: "Integritas dan Antikorupsi", level: 1 })).toBeVisible();
  await expect(page.getByText("Program ini selesai. JP-nya sudah tercatat di halaman JP Saya.")).toBeVisible();

  await nav(page).getByRole("link", { name: "JP Saya" }).click();
  const entry = page.getByRole("row").filter({ hasText: "Integritas dan Antikorupsi" });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("8");
  await logOut(page);
});
