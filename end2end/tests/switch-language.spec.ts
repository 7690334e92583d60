import { expect } from "@playwright/test";
import { demoAccounts, logIn, open, test } from "./demo";

const accounts = demoAccounts();

test("the language switch turns Bina English and the choice persists @nojs", async ({ page }) => {
  await open(page, "/masuk");
  await expect(page.getByRole("heading", { name: "Masuk ke Bina" })).toBeVisible();
  await page.getByRole("button", { name: "Ganti bahasa ke English" }).click();
  await expect(page.getByRole("heading", { name: "Log in to Bina" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Log in to Bina" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Back to Indonesian.
  await page.getByRole("button", { name: "Switch language to Bahasa Indonesia" }).click();
  await expect(page.getByRole("heading", { name: "Masuk ke Bina" })).toBeVisible();
  await logIn(page, accounts.pegawai.nip);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Selamat datang");
});

test.describe("on a phone set to English", () => {
  test.use({ locale: "en-US" });

  test("Bina still opens in Indonesian until English is chosen @nojs", async ({ page }) => {
    await open(page, "/masuk");
    await expect(page.getByRole("heading", { name: "Masuk ke Bina" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await page.getByRole("button", { name: "Ganti bahasa ke English" }).click();
    await expect(page.getByRole("heading", { name: "Log in to Bina" })).toBeVisible();
  });
});
