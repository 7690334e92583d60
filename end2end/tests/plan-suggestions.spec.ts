import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();

// The atasan's own plan: no other flow touches it (she reviews the pegawai's).
test("a suggestion goes into the draft plan with one click @nojs", async ({ page }) => {
  await logIn(page, accounts.atasan.nip);
  await nav(page).getByRole("link", { name: "Rencana" }).click();
  const suggestions = page.getByRole("region", { name: "Saran untuk saya" });
  await expect(suggestions).toBeVisible();
  const first = suggestions.getByRole("listitem").first();
  // Its reason: a competency code, its gap, the way, the JP.
  await expect(first).toContainText(/[A-Z]+\.\d+ · kesenjangan \d · .+ · \d+ JP/);
  const title = (await first.locator("strong").textContent())!.trim();
  await first.getByRole("button", { name: `Tambahkan ${title}` }).click();

  const items = page.getByRole("region", { name: "Kegiatan pengembangan" });
  await expect(items.getByText(title)).toBeVisible();
  // Planned now, so no longer suggested.
  await expect(suggestions.getByText(title, { exact: true })).toHaveCount(0);
  await logOut(page);
});
