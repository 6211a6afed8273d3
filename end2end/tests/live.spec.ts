// Live boards: the kitchen's prep sheet shows a family's new order by itself, and the family
// sees their meal go out and arrive (配送中 → 已送达) without reloading. Three people, each in
// their own browser: 李军 (family of 王秀英), 刘芳 (canteen staff) and 赵磊 (volunteer deliverer).
// With JavaScript off the boards have a 刷新 link instead; that is checked too.
import { test, expect, logIn, waitForHydration } from "./fixtures";
import type { Browser, Page, TestInfo } from "@playwright/test";

/** A browser of its own for `phone`, signed in; its console errors are collected in `errors`. */
async function signedIn(browser: Browser, info: TestInfo, phone: string, errors: string[]): Promise<Page> {
  const { baseURL, locale, timezoneId } = info.project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`${phone}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${phone}: ${err}`));
  await logIn(page, phone, true);
  return page;
}

/** Waits until the board on `page` is connected to its live updates. */
async function liveBoard(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page, true);
  await expect(page.locator(".live-badge")).toHaveText("实时更新中");
}

test("the kitchen board and the family's orders update by themselves", async ({ browser }, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, "live updates need JavaScript");

  const errors: string[] = [];
  // 李军 opens the order form for 王秀英's dinner (she needs delivery) and picks the first open day.
  const family = await signedIn(browser, info, "13900000005", errors);
  await family.goto("/canteen/order");
  await waitForHydration(family, true);
  await family.getByLabel("为哪位长者订餐").selectOption({ label: "王秀英" });
  await family.getByLabel("食堂和餐次").selectOption({ label: "十九街社区幸福食堂 · 晚餐" });
  await family.getByRole("button", { name: "下一步" }).click();
  await expect(family.getByRole("heading", { name: "王秀英 · 十九街社区幸福食堂 · 晚餐" })).toBeVisible();
  await waitForHydration(family, true);
  const firstOpen = family.locator('input[name="form[dates][]"]:not([disabled])').first();
  const day = (await firstOpen.getAttribute("value")) ?? "";
  await firstOpen.check();
  await expect(family.getByLabel("送餐上门")).toBeChecked();

  // 刘芳 has that day's dinner prep sheet open.
  const kitchen = await signedIn(browser, info, "13900000003", errors);
  await liveBoard(kitchen, `/canteen/manage?service=2&date=${day}`);
  const total = kitchen.locator("article.sheet p strong").first();
  const before = Number(await total.innerText());

  // The order is placed; the prep sheet counts it within 2 seconds, without a reload.
  await family.getByRole("button", { name: "确认下单" }).click();
  await expect(family.getByRole("heading", { name: "我的订餐" })).toBeVisible();
  await expect(total).toHaveText(String(before + 1), { timeout: 2_000 });
  await expect(kitchen.getByRole("row").filter({ hasText: "王秀英" }).first()).toBeVisible();

  // The family's orders page is live too; it is never reloaded from here on.
  await expect(family.locator(".live-badge")).toHaveText("实时更新中");
  await family.evaluate(() => ((window as any).__stillThisPage = true));
  const meal = family.locator(".order").filter({ hasText: "王秀英" }).filter({ hasText: "晚餐" }).first();
  await expect(meal).toContainText("已下单");

  // The kitchen cooks and sends the day's dinners out: the family sees 配送中.
  for (const step of ["全部开始制作", "全部出餐", "送餐出发 / 完成取餐"]) {
    await kitchen.getByRole("button", { name: step }).click();
    await expect(kitchen.getByRole("button", { name: step })).toHaveCount(0);
  }
  await expect(meal.locator(".badge").first()).toHaveText("配送中");

  // The route is planned and given to 赵磊.
  await liveBoard(kitchen, `/canteen/manage/routes?service=2&date=${day}`);
  await kitchen.getByRole("button", { name: "按楼栋排路线" }).click();
  const route = kitchen.locator(".route").filter({ hasText: "王秀英" });
  await expect(route).toBeVisible();
  await route.getByLabel("送餐员手机号").fill("13900000004");
  await route.getByRole("button", { name: "指派" }).click();
  await expect(kitchen.locator(".route").filter({ hasText: "王秀英" })).toContainText("赵磊");

  // 赵磊 marks the stop delivered; the family's page changes to 已送达 by itself.
  const deliverer = await signedIn(browser, info, "13900000004", errors);
  await deliverer.goto("/canteen/deliver");
  await waitForHydration(deliverer, true);
  const stop = deliverer.locator('.stop[data-status="out_for_delivery"]').filter({ hasText: "王秀英" });
  await expect(stop).toHaveCount(1);
  await stop.getByRole("button", { name: "已送达" }).click();
  await expect(meal.locator(".badge").first()).toHaveText("已送达");
  expect(await family.evaluate(() => (window as any).__stillThisPage)).toBe(true);

  // The route sheet, open meanwhile, shows it too.
  await expect(kitchen.locator(".route").filter({ hasText: "王秀英" })).toContainText("已送达");

  for (const page of [family, kitchen, deliverer]) await page.context().close();
  expect(errors, "browser console errors").toEqual([]);
});

test("without JavaScript a board has a refresh link to the same page", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, "13900000003", js);
  await page.goto("/canteen/manage?service=1");
  await waitForHydration(page, js);
  const refresh = page.getByRole("link", { name: "刷新" });
  await expect(refresh).toHaveAttribute("href", "/canteen/manage?service=1");
  if (!js) await expect(page.locator(".live-badge")).toHaveCount(0);
  await refresh.click();
  await expect(page.getByRole("heading", { name: "食堂管理", level: 1 })).toBeVisible();
});
