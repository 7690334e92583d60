import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();

// Three questions in Moodle's GIFT format; the last is an essay, which Bina does not take.
const QUESTIONS = [
  "Palu adalah ibu kota Sulawesi Tengah. {T}",
  "Kota tempat Bina dipakai adalah {=Palu ~Poso ~Luwuk}",
  "Ceritakan pengalaman Anda. {}",
].join("\n\n");

test("a facilitator imports questions and opens the post-test; a learner takes it @nojs", async ({ page }) => {
  await logIn(page, accounts.mentor.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await page.getByRole("region", { name: "Program yang Anda ampu" }).getByRole("link", { name: "Literasi Digital ASN" }).click();
  await page.getByRole("link", { name: "Soal dan tes" }).click();
  await expect(page.getByRole("heading", { name: "Soal dan tes", level: 1 })).toBeVisible();

  // The bad question is named by its line, and the text comes back to be fixed.
  await page.getByLabel("Soal dalam format GIFT").fill(QUESTIONS);
  await page.getByRole("button", { name: "Periksa soal" }).click();
  await expect(page.getByRole("heading", { name: "Pratinjau impor soal", level: 1 })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Baris 5: soal esai");
  await expect(page.getByRole("button", { name: /Simpan \d+ soal/ })).toHaveCount(0);
  const text = page.getByLabel("Soal dalam format GIFT");
  await expect(text).toHaveValue(/Ceritakan pengalaman Anda/);
  await text.fill(QUESTIONS.replace("Ceritakan pengalaman Anda. {}", "Singkatan dari ASN adalah {=Aparatur Sipil Negara}"));
  await page.getByRole("button", { name: "Periksa soal" }).click();
  await expect(page.getByText("3 soal terbaca, 0 bermasalah.")).toBeVisible();
  await page.getByRole("button", { name: "Simpan 3 soal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 soal disimpan." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Bank soal" }).getByText("Kota tempat Bina dipakai adalah")).toBeVisible();

  // The post-test opens with a pass mark of 60%.
  const post = page.locator("form").filter({ has: page.getByRole("heading", { name: "Post-test" }) });
  await post.getByLabel("Nilai lulus (%)").fill("60");
  await post.getByLabel("Buka untuk peserta").check();
  await post.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pengaturan tes disimpan." })).toBeVisible();
  await logOut(page);

  // The learner enrols and takes it as a plain form.
  await logIn(page, accounts.pegawai.nip);
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await page.getByRole("link", { name: "Literasi Digital ASN" }).first().click();
  const enrol = page.getByRole("button", { name: "Ikuti program" });
  if ((await enrol.count()) > 0) await enrol.click();
  const tests = page.getByRole("region", { name: "Tes", exact: true });
  await expect(tests.getByText("Lulus dengan nilai 60%")).toBeVisible();
  await tests.getByRole("button", { name: "Mulai tes" }).click();
  await expect(page.getByRole("heading", { name: "Post-test", level: 1 })).toBeVisible();
  await page.getByRole("group", { name: /ibu kota Sulawesi Tengah/ }).getByLabel("Benar").check();
  await page.getByLabel("Palu", { exact: true }).check();
  // One wrong answer of three: 66%, above the pass mark.
  await page.getByLabel("Jawaban Anda", { exact: true }).fill("Aparatur Negara");
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jawaban terkirim dan sudah dinilai." })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Nilai Anda: 66%. Lulus" })).toBeVisible();
  await expect(page.getByText("Jawaban benar: Aparatur Sipil Negara")).toBeVisible();

  await page.getByRole("link", { name: "Daftar modul" }).click();
  await expect(page.getByRole("region", { name: "Tes", exact: true }).getByText("Nilai terbaik: 66%")).toBeVisible();
  await logOut(page);
});
