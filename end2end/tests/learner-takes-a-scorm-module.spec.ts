import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();
// The demo course whose last module is Bina's sample SCORM 1.2 package.
const COURSE = "Etika Pelayanan: Latihan Interaktif";
const SCORM_MODULE = "Latihan interaktif: dua situasi di loket";

test("a SCORM module reports its completion, which completes the course", async ({ page }) => {
  await logIn(page, accounts.pegawai.nip);
  await nav(page).getByRole("link", { name: "Belajar", exact: true }).click();
  await page.getByRole("link", { name: COURSE }).first().click();
  await page.getByRole("button", { name: "Ikuti program" }).click();
  await page.getByRole("link", { name: "Mulai belajar" }).click();
  await page.getByRole("button", { name: "Tandai selesai dan lanjut" }).click();
  await expect(page.getByRole("heading", { name: SCORM_MODULE, level: 1 })).toBeVisible();
  // Done only when the package says so: no button to mark it by hand.
  await expect(page.getByRole("button", { name: "Tandai selesai dan lanjut" })).toHaveCount(0);
  await expect(page.getByText("Status terakhir: belum dikerjakan")).toBeVisible();

  const sco = page.frameLocator('iframe[title="Latihan interaktif (paket SCORM)"]');
  await expect(sco.getByRole("heading", { name: "Latihan Interaktif Pelayanan Prima" })).toBeVisible();
  // A wrong answer first: reported as failed, the module stays open.
  await sco.getByLabel("Menutup loket tepat waktu").check();
  await sco.getByLabel("Benar").check();
  await sco.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(sco.getByText("Skor 50.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Kemajuan tersimpan." })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Status terakhir: belum lulus · skor 50")).toBeVisible();

  const again = page.frameLocator('iframe[title="Latihan interaktif (paket SCORM)"]');
  await again.getByLabel("Melayani warga sampai selesai").check();
  await again.getByLabel("Benar").check();
  await again.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(again.getByText("Benar semua.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Hasil tersimpan." })).toBeVisible();

  await page.reload();
  await expect(page.getByText("Status terakhir: lulus · skor 100")).toBeVisible();
  await expect(page.getByText("Modul ini sudah Anda tandai selesai.")).toBeVisible();
  await page.getByRole("link", { name: "Daftar modul" }).click();
  await expect(page.getByText("Program ini selesai. JP-nya sudah tercatat di halaman JP Saya.")).toBeVisible();
  await logOut(page);
});

test("without JavaScript a SCORM module's reading opens and says the exercise needs it @nojs", async ({ page }, info) => {
  test.skip(info.project.name !== "no-js", "what a browser without JavaScript sees");
  await logIn(page, accounts.pegawai.nip);
  await nav(page).getByRole("link", { name: "Belajar", exact: true }).click();
  await page.getByRole("link", { name: COURSE }).first().click();
  await page.getByRole("button", { name: "Ikuti program" }).click();
  await page.getByRole("link", { name: "Mulai belajar" }).click();
  await page.getByRole("link", { name: "Berikutnya" }).click();
  await expect(page.getByRole("heading", { name: SCORM_MODULE, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Dua situasi di loket", level: 2 })).toBeVisible();
  await expect(page.getByText(/Latihan ini adalah paket interaktif \(SCORM\) yang berjalan dengan JavaScript/)).toBeVisible();
  await logOut(page);
});
