// 幸福食堂 from order to doorstep: a family orders a week of delivered lunches, the kitchen
// sees them on the prep sheet and the route sheet and offers the route as a volunteer shift,
// a volunteer signs up and marks the stop delivered, and
// the family sees 已送达 and rates the meal. Ordering is also tried with JavaScript off.
import { test, expect, logIn, waitForHydration } from "./fixtures";
import type { Page } from "@playwright/test";

/** Opens the order form at 十九街社区幸福食堂's lunch for `elder`. */
async function openLunchOrder(page: Page, elder: string, js: boolean) {
  await page.goto("/canteen/order");
  await waitForHydration(page, js);
  await page.getByLabel("为哪位长者订餐").selectOption({ label: elder });
  await page.getByLabel("食堂和餐次").selectOption({ label: "十九街社区幸福食堂 · 午餐" });
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("heading", { name: `${elder} · 十九街社区幸福食堂 · 午餐` })).toBeVisible();
  await waitForHydration(page, js);
}

/** Opens the order form for an elder and the lunch service; returns the open dates ticked. */
async function orderWeekOfLunches(page: Page, elder: string, js: boolean): Promise<string[]> {
  await openLunchOrder(page, elder, js);
  const open = page.locator('input[name="form[dates][]"]:not([disabled])');
  const count = Math.min(await open.count(), 5);
  expect(count).toBeGreaterThan(0);
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    await open.nth(i).check();
    dates.push((await open.nth(i).getAttribute("value")) ?? "");
  }
  return dates;
}

test("a family orders a week of delivered lunches and it reaches the door", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  test.skip(!js, "the kitchen and delivery part runs hydrated; ordering without JS is the next test");

  // The family: 李军 orders lunches for 王秀英, who needs delivery and is allergic to peanuts.
  await logIn(page, "13900000005", js);
  const dates = await orderWeekOfLunches(page, "王秀英", js);
  await expect(page.getByText("王秀英对花生过敏")).toBeVisible();
  await expect(page.getByLabel("宫保鸡丁")).toHaveCount(0);
  const setMeal = page.locator(".dish-choice").filter({ hasText: "敬老套餐" });
  await expect(setMeal).toContainText("长者价 ¥5.00（原价 ¥15.00）");
  await expect(page.getByLabel("送餐上门")).toBeChecked();
  await expect(page.locator(".order-total")).toHaveText(
    `每餐 ¥5.00 × ${dates.length} 天 = ¥${5 * dates.length}.00`,
  );
  await page.getByRole("button", { name: "确认下单" }).click();
  await expect(page.getByRole("heading", { name: "我的订餐" })).toBeVisible();
  const orders = page.locator(".order").filter({ hasText: "王秀英" });
  await expect(orders).toHaveCount(dates.length);
  await expect(orders.first()).toContainText("实付 ¥5.00（原价 ¥15.00，补贴 ¥10.00）");
  await expect(orders.first()).toContainText("已下单");

  // The kitchen: 刘芳 sees the first day's lunches on the prep sheet and sends them out.
  const day = dates[0];
  await logIn(page, "13900000003", js);
  await page.goto(`/canteen/manage?service=1&date=${day}`);
  await waitForHydration(page, js);
  const counts = page.locator("table.data").first();
  await expect(counts.getByRole("row").filter({ hasText: "敬老套餐" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "王秀英" }).first()).toContainText("花生");
  for (const step of ["全部开始制作", "全部出餐", "送餐出发 / 完成取餐"]) {
    await page.getByRole("button", { name: step }).click();
    await expect(page.getByRole("button", { name: step })).toHaveCount(0);
  }

  // The route sheet: plan by building, then offer the routes as volunteer delivery shifts.
  await page.getByRole("link", { name: "送餐路线" }).click();
  await waitForHydration(page, js);
  await page.getByRole("button", { name: "按楼栋排路线" }).click();
  const route = page.locator(".route").filter({ hasText: "王秀英" });
  await expect(route).toBeVisible();
  await expect(route).toContainText("12栋");
  await expect(route).toContainText("未指派");
  await page.getByRole("button", { name: "发布为志愿者送餐班次" }).click();
  await expect(page.getByRole("button", { name: "发布为志愿者送餐班次" })).toBeVisible();

  // The volunteer 赵磊 signs up for the route's shift and opens his route.
  await logIn(page, "13900000004", js);
  await page.goto(`/volunteer?from=${day}`);
  await waitForHydration(page, js);
  const shift = page.locator(".shift").filter({ hasText: "午餐送餐 · 路线" }).first();
  await shift.getByRole("button", { name: "报名" }).click();
  const mine = page.locator(".shift").filter({ hasText: "午餐送餐 · 路线" }).first();
  await expect(mine).toContainText("已报名");
  await mine.getByRole("link", { name: "查看送餐路线" }).click();

  // He marks the stop delivered from his phone.
  await expect(page.getByRole("heading", { name: "我的送餐" })).toBeVisible();
  await waitForHydration(page, js);
  const stop = page.locator(".stop").filter({ hasText: "王秀英" }).first();
  await expect(stop).toContainText("配送中");
  await stop.getByRole("button", { name: "已送达" }).click();
  await expect(page.locator(".stop").filter({ hasText: "王秀英" }).first()).toContainText("已送达");

  // The family sees 已送达 and rates the meal.
  await logIn(page, "13900000005", js);
  await page.goto("/canteen/orders");
  await waitForHydration(page, js);
  const delivered = page.locator(".order").filter({ hasText: "已送达" }).filter({ hasText: "王秀英" });
  await expect(delivered).toHaveCount(1);
  await delivered.getByLabel("5 ★★★★★").check();
  await delivered.getByLabel("评价（可不填）").fill("饭菜很软，送得准时");
  await delivered.getByRole("button", { name: "提交评价" }).click();
  await expect(page.locator(".order").filter({ hasText: "饭菜很软，送得准时" })).toContainText("★★★★★");
});

test("ordering works as plain forms, and a refused order says why", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  // 黄丽 orders lunch for 周桂兰 (needs delivery; allergic to seafood and milk).
  await logIn(page, "13900000007", js);
  await openLunchOrder(page, "周桂兰", js);
  await expect(page.getByText("周桂兰对海鲜过敏")).toBeVisible();

  // No day chosen: refused with a clear message, nothing placed.
  await page.getByRole("button", { name: "确认下单" }).click();
  await expect(page.getByRole("alert")).toContainText("请至少选择一个日期");

  const open = page.locator('input[name="form[dates][]"]:not([disabled])');
  await open.last().check();
  await page.getByRole("button", { name: "确认下单" }).click();
  await expect(page.getByRole("heading", { name: "我的订餐" })).toBeVisible();
  const order = page.locator(".order").filter({ hasText: "周桂兰" }).filter({ hasText: "午餐" }).first();
  await expect(order).toContainText("送餐上门");
  await expect(order).toContainText("已下单");

  // Cancel before the cutoff.
  await order.getByRole("button", { name: "取消订单" }).click();
  await expect(page.locator(".order").filter({ hasText: "周桂兰" }).filter({ hasText: "午餐" }).first()).toContainText("已取消");
});

test("in English, my meal orders name their days, meals and statuses in English", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  // 黄丽 orders the first open lunch for 周桂兰, then reads her orders in English.
  await logIn(page, "13900000007", js);
  await openLunchOrder(page, "周桂兰", js);
  await page.locator('input[name="form[dates][]"]:not([disabled])').first().check();
  await page.getByRole("button", { name: "确认下单" }).click();
  await expect(page.getByRole("heading", { name: "我的订餐" })).toBeVisible();

  const base = info.project.use.baseURL as string;
  await page.context().addCookies([{ name: "xf_lang", value: "en", url: base }]);
  await page.goto("/canteen/orders");
  await waitForHydration(page, js);
  await expect(page.getByRole("heading", { name: "My meal orders" })).toBeVisible();
  const cards = page.locator(".order");
  expect(await cards.count()).toBeGreaterThan(0);
  const chinese = /[\u4e00-\u9fff]/;
  for (const card of await cards.all()) {
    // The day, the canteen (its name as staff typed it) and the meal.
    await expect(card.locator("h3")).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} · .+ · (Lunch|Dinner)$/);
    expect(await card.locator(".badge").first().innerText()).not.toMatch(chinese);
  }
  const placed = cards.filter({ hasText: "周桂兰" }).filter({ hasText: "Placed" }).last();
  await expect(placed).toContainText("Delivery");
  const id = await placed.getAttribute("data-order");

  // Cancelled in English too, which also frees the day for the next run.
  await placed.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.locator(`.order[data-order="${id}"]`)).toContainText("Cancelled");
});
