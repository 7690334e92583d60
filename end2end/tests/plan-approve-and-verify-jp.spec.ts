import { expect, type Page } from "@playwright/test";
import { certificate, demoAccounts, hydrated, logIn, logOut, nav, open, test, todayInPalu } from "./demo";

const accounts = demoAccounts();


async function verifiedJp(page: Page): Promise<number> {
  return Number(await page.locator(".jp-progress").first().getAttribute("data-verified"));
}

// One flow: the steps build on each other (each project has its own copy of the demo data).
test("employee plans, supervisor returns then approves, HR verifies the recorded JP @nojs", async ({ page }, testInfo) => {
  const { pegawai, atasan, pengelola_opd } = accounts;

  // The employee drafts a plan from the gaps and submits it.
  await logIn(page, pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  const verifiedBefore = await verifiedJp(page);
  await nav(page).getByRole("link", { name: "Kompetensi Saya" }).click();
  await expect(page.getByRole("heading", { name: "Kompetensi Saya" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Kesenjangan" })).toBeVisible();
  await nav(page).getByRole("link", { name: "Rencana" }).click();
  await expect(page.getByRole("heading", { name: "Rencana Pengembangan" })).toBeVisible();
  await expect(page.getByText("Belum ada kegiatan")).toBeVisible();
  if (testInfo.project.use.javaScriptEnabled !== false) {
    // The planned JP follow the chosen path (seminar: 4 JP a day), once the form's island is live.
    await hydrated(page);
    await page.getByLabel("Jalur pengembangan").selectOption("seminar");
    await expect(page.getByLabel("JP rencana")).toHaveValue("4");
  }
  await page.getByLabel("Jalur pengembangan").selectOption("pelatihan_teknis");
  await page.getByLabel("Nama kegiatan").fill("Pelatihan Pembelajaran Digital");
  await page.getByLabel("JP rencana").fill("16");
  await page.getByRole("button", { name: "Tambah ke rencana" }).click();
  await expect(page.getByRole("rowheader", { name: "Pelatihan Pembelajaran Digital" })).toBeVisible();
  await expect(page.getByText("Total: 16 JP direncanakan.")).toBeVisible();
  await expect(page.getByText("Rencana ini di bawah 20 JP")).toBeVisible();
  await page.getByRole("button", { name: "Ajukan ke atasan" }).click();
  await expect(page.locator(".plan-head [data-status=submitted]")).toBeVisible();
  await expect(page.getByRole("button", { name: "Tambah ke rencana" })).toHaveCount(0);
  await logOut(page);

  // The supervisor returns it with a comment.
  await logIn(page, atasan.nip);
  await nav(page).getByRole("link", { name: "Persetujuan" }).click();
  const review = page.getByRole("article", { name: pegawai.name });
  await expect(review.getByRole("rowheader", { name: "Pelatihan Pembelajaran Digital" })).toBeVisible();
  await review.getByLabel(/Catatan untuk pegawai/).fill("Tambahkan mentoring agar mencapai 20 JP.");
  await review.getByRole("button", { name: "Kembalikan dengan catatan" }).click();
  await expect(page.getByRole("article", { name: pegawai.name })).toHaveCount(0);
  await logOut(page);

  // The employee reads the comment, adds mentoring and submits again.
  await logIn(page, pegawai.nip);
  await nav(page).getByRole("link", { name: "Notifikasi" }).click();
  await expect(page.getByText(`${atasan.name} mengembalikan rencana pengembangan Anda`)).toBeVisible();
  await nav(page).getByRole("link", { name: "Rencana" }).click();
  await expect(page.locator(".plan-head [data-status=returned]")).toBeVisible();
  await expect(page.getByText("Tambahkan mentoring agar mencapai 20 JP.").first()).toBeVisible();
  await page.getByLabel("Jalur pengembangan").selectOption("mentoring");
  await page.getByLabel("Nama kegiatan").fill("Mentoring pembelajaran berdiferensiasi");
  await page.getByLabel("JP rencana").fill("6");
  await page.getByRole("button", { name: "Tambah ke rencana" }).click();
  await expect(page.getByText("Total: 22 JP direncanakan.")).toBeVisible();
  await page.getByRole("button", { name: "Ajukan ke atasan" }).click();
  await expect(page.locator(".plan-head [data-status=submitted]")).toBeVisible();
  await logOut(page);

  // The supervisor approves.
  await logIn(page, atasan.nip);
  await nav(page).getByRole("link", { name: "Persetujuan" }).click();
  await page.getByRole("article", { name: pegawai.name }).getByRole("button", { name: "Setujui" }).click();
  await expect(page.getByRole("article", { name: pegawai.name })).toHaveCount(0);
  await logOut(page);

  // The employee sees it approved and records a completed activity with its certificate.
  await logIn(page, pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await open(page, "/rencana");
  await expect(page.locator(".plan-head [data-status=approved]")).toBeVisible();
  await expect(page.getByRole("button", { name: "Buka revisi baru" })).toBeVisible();
  await nav(page).getByRole("link", { name: "JP Saya" }).click();
  await page.getByLabel("Jalur pengembangan").selectOption("bimbingan_teknis");
  await page.getByLabel("Nama kegiatan").fill("Bimtek Pembelajaran Digital");
  await page.getByLabel("Penyelenggara").fill("Dinas Pendidikan dan Kebudayaan Kota Palu");
  await page.getByLabel("Tanggal mulai").fill(todayInPalu());
  await page.getByLabel("Tanggal selesai").fill(todayInPalu());
  await page.getByLabel("Lama").fill("1");
  await page.getByLabel("Satuan").selectOption("days");
  await page.getByLabel(/^Sertifikat/).setInputFiles(certificate);
  await page.getByRole("button", { name: "Catat kegiatan" }).click();
  await expect(page.getByText("Kegiatan tercatat dan menunggu verifikasi.")).toBeVisible();
  await expect(page.getByText("(8 JP menunggu verifikasi)")).toBeVisible();
  await logOut(page);

  // The OPD's HR officer verifies it.
  await logIn(page, pengelola_opd.nip);
  await nav(page).getByRole("link", { name: "Verifikasi JP" }).click();
  const entry = page.getByRole("article", { name: `${pegawai.name}: Bimtek Pembelajaran Digital` });
  await expect(entry.getByRole("link", { name: "Unduh sertifikat" })).toBeVisible();
  await entry.getByRole("button", { name: "Sahkan" }).click();
  await expect(entry).toHaveCount(0);

  // Their dashboard shows the OPD's plans, and every figure opens the people behind it.
  await nav(page).getByRole("link", { name: "Dasbor" }).click();
  await expect(page.getByRole("heading", { name: "Dasbor Perencanaan Kompetensi" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /kesenjangan kompetensi per unit kerja/ })).toBeVisible();
  await page.locator("[data-figure=plans]").getByRole("link", { name: /Disetujui/ }).click();
  await expect(page.getByRole("heading", { name: "Pegawai di balik angka" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Unduh CSV" })).toBeVisible();
  await logOut(page);

  // The progress bar on the employee's home counts the verified JP.
  await logIn(page, pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  expect(await verifiedJp(page)).toBe(verifiedBefore + 8);
});

test("an employee reads their competency gaps without JavaScript @nojs", async ({ page }) => {
  await logIn(page, accounts.mentor.nip);
  await expect(page).toHaveURL(/\/$/);
  await open(page, "/kompetensi");
  await expect(page.getByRole("heading", { name: "Kompetensi Saya" })).toBeVisible();
  await expect(page.locator("figure.chart svg")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Syarat" })).toBeVisible();
  await open(page, "/katalog");
  await expect(page.getByRole("heading", { name: "Katalog Program" })).toBeVisible();
  await expect(page.getByRole("rowheader").first()).toBeVisible();
});
