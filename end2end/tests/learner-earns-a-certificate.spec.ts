import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();
const COURSE = "Dasar Pengelolaan Keuangan Daerah";
const QUESTIONS = ["Palu adalah ibu kota Sulawesi Tengah. {T}", "Kota tempat Bina dipakai adalah {=Palu ~Poso ~Luwuk}"].join("\n\n");

/** Opens a test's settings on the bank page and opens it to learners with a pass mark. */
async function openTest(page: Page, name: string, pass: string) {
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name }) });
  await form.getByLabel("Nilai lulus (%)").fill(pass);
  await form.getByLabel("Buka untuk peserta").check();
  await form.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pengaturan tes disimpan." })).toBeVisible();
}

/** Takes a test from the course page, answering the two questions right or wrong. */
async function takeTest(page: Page, name: string, right: boolean) {
  const card = page.locator("article").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await card.getByRole("button", { name: "Mulai tes" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await page.getByRole("group", { name: /ibu kota Sulawesi Tengah/ }).getByLabel(right ? "Benar" : "Salah").check();
  await page.getByLabel(right ? "Palu" : "Poso", { exact: true }).check();
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jawaban terkirim dan sudah dinilai." })).toBeVisible();
}

test("a learner goes from enrolling to a certificate that checks out: pre-test, modules, post-test @nojs", async ({ page }) => {
  // The admin gives the course two questions and opens its pre- and post-test.
  await logIn(page, accounts.admin.nip);
  await nav(page).getByRole("link", { name: "Belajar", exact: true }).click();
  await page.getByRole("link", { name: COURSE }).first().click();
  await page.getByRole("link", { name: "Kelola program" }).click();
  await page.getByRole("link", { name: "Soal dan tes" }).click();
  await page.getByLabel("Soal dalam format GIFT").fill(QUESTIONS);
  await page.getByRole("button", { name: "Periksa soal" }).click();
  await page.getByRole("button", { name: "Simpan 2 soal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 soal disimpan." })).toBeVisible();
  await openTest(page, "Pre-test", "50");
  await openTest(page, "Post-test", "100");
  await logOut(page);

  // The learner enrols, takes the pre-test knowing nothing yet, reads every module...
  await logIn(page, accounts.pegawai.nip);
  await nav(page).getByRole("link", { name: "Belajar", exact: true }).click();
  await page.getByRole("link", { name: COURSE }).first().click();
  await page.getByRole("button", { name: "Ikuti program" }).click();
  await takeTest(page, "Pre-test", false);
  await page.getByRole("link", { name: "Daftar modul" }).click();
  await page.getByRole("link", { name: "Mulai belajar" }).click();
  for (let module = 0; module < 3; module++) {
    await page.getByRole("button", { name: "Tandai selesai dan lanjut" }).click();
  }
  await expect(page.getByRole("heading", { name: COURSE, level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sertifikat Anda" })).toHaveCount(0);

  // ...and passes the post-test, which completes the course.
  await takeTest(page, "Post-test", true);
  await page.getByRole("link", { name: "Daftar modul" }).click();
  await expect(page.getByText("Program ini selesai. JP-nya sudah tercatat di halaman JP Saya.")).toBeVisible();
  const tests = page.getByRole("region", { name: "Tes", exact: true });
  await expect(tests).toContainText("100");
  const certificate = page.getByRole("region", { name: "Sertifikat Anda" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    certificate.getByRole("link", { name: "Unduh sertifikat (PDF)" }).click(),
  ]);
  const pdf = (await readFile(await download.path())).toString("latin1");
  expect(pdf.startsWith("%PDF-")).toBe(true);
  const verification = /\/URI \((https?:\/\/[^)]+\/sertifikat\/[0-9A-Z-]{19})\)/.exec(pdf)?.[1];
  expect(verification).toBeTruthy();

  // The JP are in her ledger, verified.
  await nav(page).getByRole("link", { name: "JP Saya" }).click();
  const entry = page.getByRole("row").filter({ hasText: COURSE });
  await expect(entry).toContainText("10");
  await expect(entry).toContainText("Terverifikasi");
  await logOut(page);

  // Its QR address opens the verification page for anyone.
  await page.goto(verification!);
  await expect(page.getByText("Sertifikat ini sah.")).toBeVisible();
  await expect(page.getByText(COURSE)).toBeVisible();
});
