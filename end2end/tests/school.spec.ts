// 老年学校: an admin adds a class time (and is refused a clashing one), a family enrolls an
// elder in a one-seat class, a second family lands on the waitlist, the first drops, and the
// second accepts the offered seat. Enrolling also works with JavaScript off.
import { test, expect, logIn, waitForHydration } from "./fixtures";
import type { Page } from "@playwright/test";

async function enroll(page: Page, js: boolean, className: string, elder: string) {
  await page.goto("/school");
  await waitForHydration(page, js);
  const card = page.locator(".class").filter({ hasText: className });
  await card.getByLabel("报名人").selectOption({ label: elder });
  await card.getByRole("button", { name: /报名/ }).click();
  await expect(page.getByRole("heading", { name: "我的课表" })).toBeVisible();
  await waitForHydration(page, js);
  return page.locator(".enrollment").filter({ hasText: className }).filter({ hasText: elder });
}

test("timetable, enrollment, waitlist and an accepted offer", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  test.skip(!js, "the whole story runs hydrated; enrolling without JS is the next test");

  await logIn(page, "13900000002", js);
  await page.goto("/school/manage");
  await waitForHydration(page, js);
  const add = page.locator("form").filter({ has: page.getByRole("heading", { name: "添加上课时间" }) });
  await add.getByLabel("班级").selectOption({ label: "摄影·周五下午班" });
  await add.getByLabel("教室").selectOption({ label: "十九街社区老年学校 · 活动室" });
  await add.getByLabel("星期").selectOption({ label: "周五" });
  await add.getByLabel("开始时间").fill("15:00");
  await add.getByLabel("结束时间").fill("16:30");
  await add.getByRole("button", { name: "添加上课时间" }).click();
  await expect(page.getByRole("alert")).toContainText("这时已有“摄影·周五下午班”");
  await add.getByLabel("星期").selectOption({ label: "周六" });
  await add.getByRole("button", { name: "添加上课时间" }).click();
  const photo = page.locator(".card").filter({ has: page.getByRole("heading", { name: /摄影·周五下午班/ }) });
  const saturday = photo.getByRole("listitem").filter({ hasText: "周六 15:00–16:30" });
  await expect(saturday).toBeVisible();

  // Moving the Saturday time onto Friday clashes with the class's own Friday time; Sunday fits.
  await saturday.getByText("调整").click();
  await saturday.getByLabel("星期").selectOption({ label: "周五" });
  await saturday.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("alert")).toContainText("这时已有“摄影·周五下午班”");
  if (!(await saturday.getByLabel("星期").isVisible())) await saturday.getByText("调整").click();
  await saturday.getByLabel("星期").selectOption({ label: "周日" });
  await saturday.getByRole("button", { name: "保存" }).click();
  await expect(photo.getByRole("listitem").filter({ hasText: "周日 15:00–16:30" })).toBeVisible();

  await logIn(page, "13900000005", js);
  const first = await enroll(page, js, "摄影·周五下午班", "王秀英");
  await expect(first).toContainText("已报名");

  await logIn(page, "13900000007", js);
  const second = await enroll(page, js, "摄影·周五下午班", "周桂兰");
  await expect(second).toContainText("候补第 1");

  await logIn(page, "13900000005", js);
  await page.goto("/school/mine");
  await waitForHydration(page, js);
  await page.locator(".enrollment").filter({ hasText: "摄影" }).getByRole("button", { name: "退课" }).click();
  await expect(page.locator(".enrollment").filter({ hasText: "摄影" })).toHaveCount(0);

  await logIn(page, "13900000007", js);
  await page.goto("/school/mine");
  await waitForHydration(page, js);
  const offer = page.locator(".enrollment").filter({ hasText: "摄影" });
  await expect(offer).toContainText("有空位待确认");
  await offer.getByRole("button", { name: "确认报名" }).click();
  await expect(page.locator(".enrollment").filter({ hasText: "摄影" })).toContainText("已报名");
});

test("a family enrolls an elder and drops the class with plain forms", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, "13900000005", js);
  const card = await enroll(page, js, "书法·周一上午班", "李建国");
  await expect(card).toContainText("已报名");
  await card.getByRole("button", { name: "退课" }).click();
  await expect(page.locator(".enrollment").filter({ hasText: "书法" }).filter({ hasText: "李建国" })).toHaveCount(0);
});

test("the catalog filters by teaching site and weekday", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, "13900000006", js);
  await page.goto("/school");
  await waitForHydration(page, js);
  await page.getByLabel("教学点").selectOption({ label: "界牌社区教学点" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page.locator(".class")).toHaveCount(1);
  await expect(page.locator(".class")).toContainText("太极·周三下午班");
  await page.getByLabel("教学点").selectOption({ label: "全部教学点" });
  await page.getByLabel("星期").selectOption({ label: "周二" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page.locator(".class")).toHaveCount(1);
  await expect(page.locator(".class")).toContainText("舞蹈·周二上午班");
});
