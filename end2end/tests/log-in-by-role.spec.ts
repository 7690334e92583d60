import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, test } from "./demo";

const accounts = demoAccounts();

// What each role must and must not find in the main navigation.
const expectations: Record<string, { shows: string[]; hides: string[]; card?: string }> = {
  pegawai: { shows: ["Beranda", "Akun"], hides: ["Tim Saya", "Pegawai OPD"] },
  atasan: { shows: ["Beranda", "Tim Saya"], hides: ["Pegawai OPD"], card: "atasan" },
  mentor: { shows: ["Beranda"], hides: ["Tim Saya", "Pegawai OPD"], card: "mentor" },
  pengelola_opd: { shows: ["Beranda", "Pegawai OPD"], hides: ["Tim Saya"], card: "pengelola_opd" },
  admin: { shows: ["Beranda", "Pegawai OPD"], hides: ["Tim Saya"], card: "admin" },
};

for (const [role, expected] of Object.entries(expectations)) {
  test(`${role} logs in and sees their home and navigation @nojs`, async ({ page }) => {
    const account = accounts[role];
    expect(account, `demo account for ${role}`).toBeTruthy();
    await logIn(page, account.nip);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(account.name);
    await expect(page.getByText(account.nip)).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Navigasi utama" });
    for (const item of expected.shows) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    for (const item of expected.hides) {
      await expect(nav.getByRole("link", { name: item })).toHaveCount(0);
    }
    if (expected.card) {
      await expect(page.locator(`[data-role="${expected.card}"]`)).toBeVisible();
    }
    await logOut(page);
    // Logged out for real: home sends us back to the login page.
    await page.goto("/");
    await expect(page).toHaveURL(/\/masuk$/);
  });
}

test("the remote pegawai sees where they work @nojs", async ({ page }) => {
  await logIn(page, accounts.pegawai.nip);
  await expect(page.getByText("Terpencil")).toBeVisible();
});

test("atasan opens their team and finds the demo pegawai @nojs", async ({ page }) => {
  await logIn(page, accounts.atasan.nip);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Tim Saya" }).click();
  await expect(page.getByRole("heading", { name: "Tim Saya" })).toBeVisible();
  await expect(page.getByRole("cell", { name: accounts.pegawai.nip })).toBeVisible();
});

test("pengelola OPD searches their staff @nojs", async ({ page }) => {
  await logIn(page, accounts.pengelola_opd.nip);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Pegawai OPD" }).click();
  await expect(page.getByRole("heading", { name: "Pegawai OPD" })).toBeVisible();
  await page.getByLabel("Cari nama atau NIP").fill(accounts.mentor.name);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByRole("rowheader", { name: accounts.mentor.name })).toBeVisible();
  await expect(page.getByText("1 pegawai")).toBeVisible();
});
