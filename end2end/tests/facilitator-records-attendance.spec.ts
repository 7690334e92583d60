import { expect } from "@playwright/test";
import { demoAccounts, logIn, logOut, nav, test } from "./demo";

const accounts = demoAccounts();
const COURSE = "Pelatihan Penyusunan Laporan Kinerja";

test("the admin records a classroom participant's attendance and the course completes for her @nojs", async ({ page }) => {
  await logIn(page, accounts.admin.nip);
  await nav(page).getByRole("link", { name: "Belajar", exact: true }).click();
  await page.getByRole("link", { name: COURSE }).first().click();
  await page.getByRole("link", { name: "Kelola program" }).click();
  const participants = page.getByRole("region", { name: "Peserta" });
  const rule = await participants.getByText(/berlangsung \d+ hari/).textContent();
  const [, days, needed] = /berlangsung (\d+) hari; .* sedikitnya (\d+) hari/.exec(rule!)!;
  // The first participant with a seat.
  const row = participants.getByRole("row").filter({ hasText: "Sedang belajar" }).first();
  const name = (await row.getByRole("rowheader").innerText()).split("\n")[0].trim();
  const field = row.getByRole("spinbutton");
  await expect(field).toHaveAttribute("max", days);
  if (Number(needed) > 1) {
    await field.fill(String(Number(needed) - 1));
    await row.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByText("Kehadiran tersimpan.")).toBeVisible();
    await expect(participants.getByRole("row").filter({ hasText: name }).getByText("Sedang belajar")).toBeVisible();
  }
  const again = participants.getByRole("row").filter({ hasText: name });
  await again.getByRole("spinbutton").fill(needed);
  await again.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Kehadiran tersimpan.")).toBeVisible();
  await expect(participants.getByRole("row").filter({ hasText: name }).getByText("Selesai")).toBeVisible();
  await logOut(page);
});
