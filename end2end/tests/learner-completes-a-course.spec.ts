import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();

test("a learner completes an online course: its JP enter her ledger and its certificate checks out @nojs", async ({ page }) => {
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

  // The certificate: a PDF whose link (the address its QR code holds) opens the public
  // verification page.
  const certificate = page.getByRole("region", { name: "Sertifikat Anda" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    certificate.getByRole("link", { name: "Unduh sertifikat (PDF)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sertifikat-[0-9A-Z-]{19}\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const verification = /\/URI \((https?:\/\/[^)]+\/sertifikat\/[0-9A-Z-]{19})\)/.exec(pdf.toString("latin1"))?.[1];
  expect(verification).toBeTruthy();

  await nav(page).getByRole("link", { name: "JP Saya" }).click();
  const entry = page.getByRole("row").filter({ hasText: "Integritas dan Antikorupsi" });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("8");
  await logOut(page);

  // Anyone may check it, without a login: valid, her name and the program, not her NIP.
  await page.goto(verification!);
  await expect(page.getByText("Sertifikat ini sah.")).toBeVisible();
  await expect(page.getByText("Integritas dan Antikorupsi")).toBeVisible();
  await expect(page.getByText(accounts.pegawai.nip)).toHaveCount(0);
  // A code typed wrong says so, and names nobody.
  await page.getByLabel("Kode verifikasi").fill("0000-0000-0000-0000");
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page.getByText("Kode ini tidak dikenal.")).toBeVisible();
  await expect(page.getByText("Integritas dan Antikorupsi")).toHaveCount(0);
});
