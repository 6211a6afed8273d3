// Canteen staff plan a coming week's menu: copy last week forward (or tick dishes by hand),
// then publish it; a family-only account cannot reach the staff pages.
import { test, expect, logIn, waitForHydration } from "./fixtures";

/** The Monday `weeks` weeks after this week's, in Shanghai time. */
function mondayIn(weeks: number): string {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  const weekday = (now.getUTCDay() + 6) % 7;
  const monday = new Date(now.getTime() + (weeks * 7 - weekday) * 86400 * 1000);
  return monday.toISOString().slice(0, 10);
}

test("staff plan and publish a coming week's menu", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, "13900000003", js);
  const week = mondayIn(js ? 1 : 2);
  await page.goto(`/canteen/manage/menu?week=${week}`);
  await waitForHydration(page, js);
  const firstDay = page.locator(".menu-day").first();
  if (js) {
    // Next week: copy what this week serves, as a draft.
    await page.getByRole("button", { name: "复制上周菜单" }).click();
    await expect(firstDay.getByRole("checkbox", { name: "敬老套餐（一荤一素一汤）" }).first()).toBeChecked();
  } else {
    await firstDay.getByRole("checkbox", { name: "敬老套餐（一荤一素一汤）" }).first().check();
  }
  await page.getByRole("button", { name: "保存并发布" }).click();
  await expect(page.locator(".menu-day").first().locator("legend").first()).toContainText("已发布");

  await logIn(page, "13900000005", js);
  await page.goto("/canteen/manage/menu");
  await expect(page.getByRole("alert")).toContainText("您没有权限");
});
