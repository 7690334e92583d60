import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();

test("a learner enrols, reads a module, marks it done and resumes where she stopped @nojs", async ({ page }) => {
  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await expect(page.getByRole("heading", { name: "Belajar", level: 1 })).toBeVisible();
  const open = page.getByRole("region", { name: "Program yang terbuka untuk Anda" });
  await open.getByRole("link", { name: "Pelayanan Publik Prima" }).click();
  await expect(page.getByRole("heading", { name: "Pelayanan Publik Prima", level: 1 })).toBeVisible();
  // Before enrolling the modules are listed but not open.
  await expect(page.getByRole("link", { name: "Standar pelayanan yang dipahami warga" })).toHaveCount(0);
  await page.getByRole("button", { name: "Ikuti program" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pendaftaran tersimpan." })).toBeVisible();
  await expect(page.getByText("0 dari 3 modul wajib selesai")).toBeVisible();

  await page.getByRole("link", { name: "Mulai belajar" }).click();
  await expect(page.getByRole("heading", { name: "Standar pelayanan yang dipahami warga", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mengapa standar pelayanan?", level: 2 })).toBeVisible();
  await expect(page.getByText("Modul 1 dari 3")).toBeVisible();
  await page.getByRole("button", { name: "Tandai selesai dan lanjut" }).click();
  await expect(page.getByRole("heading", { name: "Menangani keluhan dengan tenang", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Daftar modul" }).click();
  await expect(page.getByText("1 dari 3 modul wajib selesai")).toBeVisible();
  await page.getByRole("link", { name: "Lanjutkan belajar" }).click();
  await expect(page.getByRole("heading", { name: "Menangani keluhan dengan tenang", level: 1 })).toBeVisible();

  // "Belajar" lists the course as hers, with its progress.
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  const mine = page.getByRole("region", { name: "Program saya" });
  await expect(mine.getByRole("link", { name: "Pelayanan Publik Prima" })).toBeVisible();
  await expect(mine.getByText("1 dari 3 modul wajib selesai")).toBeVisible();
  await logOut(page);
});

test("a facilitator saves a draft, previews it and publishes it as a new revision @nojs", async ({ page }) => {
  await logIn(page, accounts.mentor.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await page.getByRole("region", { name: "Program yang Anda ampu" }).getByRole("link", { name: "Literasi Digital ASN" }).click();
  await expect(page.getByRole("heading", { name: /Kelola program · Literasi Digital ASN/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Peserta", level: 2 })).toBeVisible();
  await page.getByRole("link", { name: "Mengenali hoaks dan penipuan" }).click();

  const body = page.getByLabel("Isi (Markdown)");
  await expect(body).toHaveValue(/Berhenti sebelum meneruskan/);
  await body.fill("# Cek fakta dulu\n\nSebelum meneruskan pesan, cari sumbernya di situs resmi.\n");
  await page.getByRole("button", { name: "Simpan draf dan pratinjau" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draf tersimpan." })).toBeVisible();
  const preview = page.getByRole("region", { name: "Pratinjau draf" });
  await expect(preview.getByRole("heading", { name: "Cek fakta dulu", level: 2 })).toBeVisible();

  await page.getByLabel("Catatan perubahan").fill("Langkah cek fakta dibuat lebih singkat");
  await page.getByRole("button", { name: "Terbitkan revisi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revisi terbit" })).toBeVisible();
  await expect(page.getByText("Langkah cek fakta dibuat lebih singkat")).toBeVisible();

  // Learners now read revision 2 (the facilitator reads as they do).
  await page.getByRole("link", { name: "Literasi Digital ASN" }).click();
  await page.getByRole("link", { name: "Lihat sebagai peserta" }).click();
  await page.getByRole("link", { name: "Mengenali hoaks dan penipuan" }).click();
  await expect(page.getByText("revisi 2")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Cek fakta dulu", level: 2 })).toBeVisible();
  await logOut(page);
});

// The smallest PNG there is (1×1): the server decodes it, keeps it as a JPEG and shows it.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("a facilitator adds a picture to a module and changes the modules' order @nojs", async ({ page }) => {
  await logIn(page, accounts.mentor.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Belajar" }).click();
  await page.getByRole("region", { name: "Program yang Anda ampu" }).getByRole("link", { name: "Literasi Digital ASN" }).click();
  const manage = page.url();
  await page.getByRole("link", { name: "Bekerja dengan dokumen bersama" }).click();

  // A picture with its description, as a screen reader will read it.
  const files = page.getByRole("region", { name: "Gambar dan lampiran" });
  await files.getByLabel("Keterangan").fill("Contoh nama berkas dengan tanggal dan versi");
  await files.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "contoh.png", mimeType: "image/png", buffer: PIXEL });
  await files.getByRole("button", { name: "Unggah" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Berkas diunggah." })).toBeVisible();
  const code = await page.getByRole("region", { name: "Gambar dan lampiran" }).getByLabel("Kode untuk ditempel ke teks modul").first().inputValue();
  expect(code).toMatch(/^!\[Contoh nama berkas dengan tanggal dan versi\]\(berkas:\d+\)$/);

  // Pasted into the text, the preview shows it, served as a JPEG to the course's readers.
  const body = page.getByLabel("Isi (Markdown)");
  await body.fill(`${await body.inputValue()}\n${code}\n`);
  await page.getByRole("button", { name: "Simpan draf dan pratinjau" }).click();
  const preview = page.getByRole("region", { name: "Pratinjau draf" });
  const picture = preview.getByRole("img", { name: "Contoh nama berkas dengan tanggal dan versi" });
  await expect(picture).toBeVisible();
  await expect(picture).toHaveAttribute("loading", "lazy");
  const served = await page.request.get((await picture.getAttribute("src"))!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/jpeg");

  // The first module moves down, then back up.
  await page.goto(manage);
  const order = page.getByRole("region", { name: "Modul" }).getByRole("listitem");
  await expect(order.first()).toContainText("Menjaga akun dan kata sandi");
  await page.getByRole("button", { name: "Turunkan Menjaga akun dan kata sandi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Urutan modul diubah." })).toBeVisible();
  await expect(order.first()).toContainText("Mengenali hoaks dan penipuan");
  await expect(order.nth(1)).toContainText("Menjaga akun dan kata sandi");
  await page.getByRole("button", { name: "Naikkan Menjaga akun dan kata sandi" }).click();
  await expect(order.first()).toContainText("Menjaga akun dan kata sandi");
  await logOut(page);
});
