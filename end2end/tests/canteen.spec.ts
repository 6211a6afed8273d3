// The canteen's weekly menu, read as an elder would: from the home page, in 长辈版.
import { test, expect, waitForHydration } from "./fixtures";

test("the week's menu shows prices for seniors and allergy warnings", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await page.goto("/");
  await waitForHydration(page, js);
  await page.getByRole("button", { name: "长辈版" }).click();
  await expect(page.locator("html")).toHaveClass(/elder-mode/);

  await page.getByRole("link", { name: "幸福食堂" }).click();
  await page.getByRole("link", { name: "十九街社区幸福食堂" }).click();
  await expect(page.getByRole("heading", { name: "十九街社区幸福食堂" })).toBeVisible();
  const today = page.locator(".menu-day").first();
  const setMeal = today.getByRole("listitem").filter({ hasText: "敬老套餐" }).first();
  await expect(setMeal).toContainText("¥15.00");
  await expect(setMeal).toContainText("60岁以上长者价 ¥7.00");
  await expect(today.getByRole("listitem").filter({ hasText: "宫保鸡丁" })).toContainText("⚠ 含花生、大豆");
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(7);
});
