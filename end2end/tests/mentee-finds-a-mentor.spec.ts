import { expect, type Page } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, open, test } from "./demo";

const accounts = demoAccounts();
const COMPETENCY = "M.06";

async function verifiedJp(page: Page): Promise<number> {
  return Number(await page.locator(".jp-progress").first().getAttribute("data-verified"));
}

/** On the Mentoring page: shows the recommendations for M.06. */
async function chooseCompetency(page: Page) {
  const value = await page.locator("#kompetensi option", { hasText: COMPETENCY }).getAttribute("value");
  await page.getByLabel(/^Kompetensi/).selectOption(value!);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(new RegExp(`kompetensi=${value}`));
}

async function ask(page: Page, mentorName: string, goal: string) {
  const card = page.getByRole("article", { name: mentorName });
  await expect(card.getByText(/level 5 di M\.06/)).toBeVisible();
  await card.getByText("Minta jadi mentor").click();
  await card.getByLabel("Tujuan").fill(goal);
  await card.getByRole("button", { name: "Kirim permintaan" }).click();
  await expect(page.getByText(/Permintaan terkirim/)).toBeVisible();
}

// One flow: the steps build on each other (each project has its own copy of the demo data).
test("mentee asks a mentor, is declined, asks the next one, and a confirmed session earns JP @nojs", async ({ page }) => {
  const { pegawai, mentor, atasan } = accounts;

  // The remote teacher asks the planner of the seed essay.
  await logIn(page, pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  const verifiedBefore = await verifiedJp(page);
  await nav(page).getByRole("link", { name: "Mentoring" }).click();
  await expect(page.getByRole("heading", { name: "Mentoring", level: 1 })).toBeVisible();
  await chooseCompetency(page);
  await expect(page.getByRole("article", { name: atasan.name })).toBeVisible();
  await ask(page, mentor.name, "Membina rekan guru yang baru");
  await expect(page.getByText("Permintaan Anda untuk kompetensi ini masih menunggu jawaban mentor.")).toBeVisible();
  await logOut(page);

  // She declines with a reason from the list.
  await logIn(page, mentor.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Permintaan Mentoring" }).click();
  const request = page.getByRole("article", { name: `${pegawai.name}: ${COMPETENCY}` });
  await expect(request.getByText("Membina rekan guru yang baru")).toBeVisible();
  await request.getByLabel("Alasan menolak").selectOption("no_time");
  await request.getByLabel("Keterangan").fill("Sedang menyusun APBD perubahan.");
  await request.getByRole("button", { name: "Tolak" }).click();
  await expect(request).toHaveCount(0);
  await expect(page.getByText("Tidak ada permintaan yang menunggu jawaban.")).toBeVisible();
  await logOut(page);

  // The mentee is told, and asks the next recommendation: her own principal.
  await logIn(page, pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Notifikasi" }).click();
  await page.getByRole("link", { name: new RegExp(`${mentor.name} menolak permintaan mentoring`) }).click();
  await expect(page.getByRole("heading", { name: "Mentoring", level: 1 })).toBeVisible();
  await expect(page.getByText(/Tidak ada waktu saat ini\s*: Sedang menyusun APBD perubahan\./)).toBeVisible();
  await expect(page.getByRole("article", { name: mentor.name })).toHaveCount(0);
  await ask(page, atasan.name, "Menyusun RPP berdiferensiasi");
  await logOut(page);

  // He accepts and logs their first session.
  await logIn(page, atasan.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Permintaan Mentoring" }).click();
  await page.getByRole("article", { name: `${pegawai.name}: ${COMPETENCY}` }).getByRole("button", { name: "Terima" }).click();
  await page.getByRole("link", { name: new RegExp(pegawai.name) }).click();
  await expect(page.getByRole("heading", { name: /Bimbingan · M\.06/ })).toBeVisible();
  await page.getByLabel("Durasi (menit)").fill("90");
  await page.getByLabel("Catatan").fill("Menyusun RPP tematik kelas 3 bersama.");
  await page.getByRole("button", { name: "Catat sesi" }).click();
  await expect(page.getByText("Menunggu konfirmasi pihak lain")).toBeVisible();
  await logOut(page);

  // The mentee confirms; the session is JP in her ledger and on her home page.
  await logIn(page, pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Mentoring" }).click();
  await page.getByRole("link", { name: new RegExp(atasan.name) }).click();
  await expect(page.getByText("Menyusun RPP tematik kelas 3 bersama.")).toBeVisible();
  await page.getByRole("button", { name: "Konfirmasi sesi" }).click();
  await expect(page.getByText(/Terkonfirmasi kedua pihak · 2 JP/)).toBeVisible();
  await nav(page).getByRole("link", { name: "JP Saya" }).click();
  await expect(page.getByText(/Mentoring M\.06/).first()).toBeVisible();
  await nav(page).getByRole("link", { name: "Beranda" }).click();
  await expect(page.locator(".jp-progress").first()).toHaveAttribute("data-verified", String(verifiedBefore + 2));
  await logOut(page);

  // The OPD's HR officer sees it on the mentoring dashboard, down to the list behind a figure.
  await logIn(page, accounts.pengelola_opd.nip);
  await expect(page).toHaveURL(/\/$/);
  await nav(page).getByRole("link", { name: "Dasbor" }).click();
  await page.getByRole("link", { name: "Dasbor Mentoring" }).click();
  await expect(page.getByRole("heading", { name: "Dasbor Mentoring", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /^Ditolak: \d+/ }).click();
  await expect(page.getByRole("heading", { name: /Daftar di balik angka/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: new RegExp(pegawai.name) })).toBeVisible();
  await expect(page.getByRole("link", { name: "Unduh CSV", exact: true })).toBeVisible();
});

test("mentoring pages render without JavaScript @nojs", async ({ page }) => {
  await logIn(page, accounts.pegawai.nip);
  await expect(page).toHaveURL(/\/$/);
  await open(page, "/mentoring");
  await expect(page.getByRole("heading", { name: "Mentoring", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Permintaan saya" })).toBeVisible();
  await open(page, "/mentoring/profil");
  await expect(page.getByRole("heading", { name: "Profil Mentor" })).toBeVisible();
  await logOut(page);
  await logIn(page, accounts.mentor.nip);
  await expect(page).toHaveURL(/\/$/);
  await open(page, "/mentoring/permintaan");
  await expect(page.getByRole("heading", { name: "Permintaan Mentoring" })).toBeVisible();
  await expect(page.getByText(/Mentee aktif: \d+ dari 3/)).toBeVisible();
});
