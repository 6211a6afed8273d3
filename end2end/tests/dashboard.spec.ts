// 数据看板 for community workers and admins: every chart (with its table and CSV link) and
// every list renders with JavaScript off; the period and community filter is a plain GET form
// that works with JavaScript on and off; axe-core finds no WCAG A/AA violations in the
// standard display nor in 长辈版.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, logIn, waitForHydration } from "./fixtures";

const ADMIN = "13900000001"; // 张主任, admin of every community
const WORKER = "13900000002"; // 陈静, worker and admin of 十九街社区

/** The dashboard's charts, by their Chinese titles. */
const CHARTS = [
  "每日供餐份数",
  "每月补贴支出",
  "班级满员率",
  "教学点满员率",
  "候补人数",
  "出勤率",
  "学费缴纳",
  "每月志愿服务时长",
  "服务响应时间",
];

/** `days` days before today in Shanghai, as 2026-11-24. */
function daysAgo(days: number): string {
  const shanghai = new Date(Date.now() + 8 * 3600 * 1000 - days * 86400 * 1000);
  return shanghai.toISOString().slice(0, 10);
}

test("every chart, table and list of the dashboard renders", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, WORKER, js);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(200);
  await waitForHydration(page, js);
  const main = page.locator("main");
  await expect(main.getByRole("heading", { level: 1, name: "数据看板" })).toBeVisible();
  await expect(main.getByRole("heading", { level: 2, name: /^今天/ })).toBeVisible();
  for (const section of ["幸福食堂", "老年学校", "志愿服务"]) {
    await expect(main.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(main.getByRole("heading", { level: 3, name: /无人应答的送餐/ })).toBeVisible();
  await expect(main.getByRole("heading", { level: 3, name: /上月订餐、本月还没有订餐的长者/ })).toBeVisible();
  for (const title of CHARTS) {
    await expect(main.locator("figure.chart figcaption", { hasText: title }).first(), title).toBeVisible();
  }
  await expect(main.locator("figure.chart")).toHaveCount(CHARTS.length);
  expect(await main.locator("svg").count()).toBeGreaterThanOrEqual(2);
  expect(await main.locator("table").count()).toBeGreaterThanOrEqual(3);
  await expect(main.getByRole("link", { name: /下载 CSV/ })).toHaveCount(CHARTS.length);
  // One community only: nothing to compare.
  await expect(main.getByRole("heading", { name: "各社区对比" })).toHaveCount(0);
  // Today's strip follows the orders live with JavaScript, and has a refresh link without.
  const today = main.locator(".dashboard-today");
  await expect(today.getByRole("link", { name: "刷新" })).toHaveAttribute("href", "/dashboard");
  await expect(today.locator(".live-badge")).toHaveCount(js ? 1 : 0);
});

test("changing the period and the community shows their figures", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, WORKER, js);
  await page.goto("/dashboard");
  await waitForHydration(page, js);
  const from = daysAgo(6);
  const to = daysAgo(0);
  await page.getByLabel("开始日期").fill(from);
  await page.getByLabel("结束日期").fill(to);
  await page.getByLabel("社区", { exact: true }).selectOption({ label: "红钢城街道 · 十九街社区" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}&community=7`));
  await waitForHydration(page, js);
  await expect(page.locator(".dashboard-period").first()).toContainText(`(${from} – ${to})`);
  await expect(page.getByLabel("开始日期")).toHaveValue(from);
  await expect(page.getByLabel("社区", { exact: true })).toHaveValue("7");
  const csv = page.getByRole("link", { name: /下载 CSV.*每日供餐份数/ });
  await expect(csv).toHaveAttribute("href", `/dashboard/meals.csv?from=${from}&to=${to}&community=7`);

  // A period that ends before it starts is refused in Chinese.
  await page.getByLabel("开始日期").fill(to);
  await page.getByLabel("结束日期").fill(from);
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page.getByRole("alert").first()).toContainText("开始日期不能晚于结束日期");
});

test("the admin of every community compares the communities", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, ADMIN, js);
  await page.goto("/dashboard");
  await waitForHydration(page, js);
  const compare = page.getByRole("region", { name: "各社区对比" });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole("rowheader", { name: "十九街社区" })).toBeVisible();
  await expect(compare.getByRole("rowheader", { name: "红河社区" })).toBeVisible();
});

for (const display of [
  { name: "standard", cookies: [] as { name: string; value: string }[] },
  { name: "长辈版", cookies: [{ name: "xf_mode", value: "elder" }] },
]) {
  test(`axe-core finds no violations on the dashboard (${display.name})`, async ({ page }, info) => {
    const js = info.project.use.javaScriptEnabled !== false;
    test.skip(!js, "axe-core runs as a script inside the page");
    await logIn(page, ADMIN, js);
    const base = info.project.use.baseURL as string;
    if (display.cookies.length) {
      await page.context().addCookies(display.cookies.map((c) => ({ ...c, url: base })));
    }
    await page.goto("/dashboard");
    await waitForHydration(page, js);
    await expect(page.getByRole("heading", { level: 2, name: "志愿服务" })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const found = results.violations.map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(found).toEqual([]);
  });
}
