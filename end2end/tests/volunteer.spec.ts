// 志愿服务: a volunteer signs up for a class-assistant shift, sees it under 我的班次, and
// cancels; with JavaScript on and off. Someone without the volunteer role is told why not.
import { test, expect, logIn, waitForHydration } from "./fixtures";

test("a volunteer signs up for a shift and cancels it", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, "13900000004", js);
  await page.goto("/");
  await page.getByRole("link", { name: "志愿服务" }).click();
  await expect(page.getByRole("heading", { name: "志愿班次" })).toBeVisible();
  await waitForHydration(page, js);
  const shift = () => page.locator(".shift").filter({ hasText: "书法班课堂助教" });
  await expect(shift()).toContainText("剩余名额 2");
  await shift().getByRole("button", { name: "报名" }).click();
  await expect(shift()).toContainText("已报名");
  await expect(shift()).toContainText("剩余名额 1");

  await page.getByRole("link", { name: "我的班次" }).click();
  await expect(page.getByRole("heading", { name: "我的班次" })).toBeVisible();
  await waitForHydration(page, js);
  await expect(shift()).toContainText("已报名");
  await shift().getByRole("button", { name: "取消报名" }).click();
  await expect(page.locator(".shift").filter({ hasText: "书法班课堂助教" })).toHaveCount(0);
});

test("signing up needs the volunteer role, and says so", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, "13900000005", js);
  await page.goto("/volunteer");
  await waitForHydration(page, js);
  await page.locator(".shift").filter({ hasText: "重阳敬老健康义诊" }).getByRole("button", { name: "报名" }).click();
  await expect(page.getByRole("alert")).toContainText("需要志愿者身份");
});
