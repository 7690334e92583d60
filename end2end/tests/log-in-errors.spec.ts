import { expect } from "@playwright/test";
import { demoAccounts, logIn, open, test } from "./demo";

const accounts = demoAccounts();

test("a wrong password shows an error and keeps the person on the login page @nojs", async ({ page }) => {
  await logIn(page, accounts.mentor.nip, "bukan-sandinya");
  await expect(page.getByRole("alert")).toHaveText("NIP atau kata sandi salah.");
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toHaveCount(0);
});

test("a malformed NIP says which part is wrong @nojs", async ({ page }) => {
  await logIn(page, "198613262015051001", "apa-saja");
  await expect(page.getByRole("alert")).toContainText("tanggal lahir");
});

test("an unknown page shows the 404 page @nojs", async ({ page }) => {
  const response = await open(page, "/tidak-ada");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
});
