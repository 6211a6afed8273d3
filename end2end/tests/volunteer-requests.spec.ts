// 点单·派单·领单·评单: a family posts a 陪诊 request for an elder, community staff dispatch it
// to a volunteer, who marks it done; the family rates it and the volunteer's points rise.
// Posting and cancelling also work with JavaScript off.
import { test, expect, logIn, waitForHydration } from "./fixtures";
import type { Page } from "@playwright/test";

async function postEscort(page: Page, js: boolean, detail: string) {
  await page.goto("/volunteer/requests");
  await waitForHydration(page, js);
  await page.getByLabel("为谁").selectOption({ label: "王秀英" });
  await page.getByLabel("陪诊").check();
  await page.getByLabel("需要帮什么忙").fill(detail);
  await page.getByLabel("希望的时间").fill("周四上午 8:30");
  await page.getByLabel("地点").fill("十九街12栋2单元301 接人去协和医院");
  await page.getByRole("button", { name: "发布需求" }).click();
  const card = page.locator(".request").filter({ hasText: detail });
  await expect(card).toContainText("待接单");
  return card;
}

async function points(page: Page, js: boolean): Promise<number> {
  await page.goto("/volunteer/points");
  await waitForHydration(page, js);
  return Number(await page.locator(".points-total").textContent());
}

test("a 陪诊 request is dispatched, done and rated, and the volunteer's points rise", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  test.skip(!js, "the whole loop runs hydrated; posting without JS is the next test");
  const detail = "陪同王秀英去协和医院复查，帮忙挂号取药";
  await logIn(page, "13900000004", js);
  const before = await points(page, js);

  await logIn(page, "13900000005", js);
  await postEscort(page, js, detail);

  await logIn(page, "13900000002", js);
  await page.goto("/volunteer/requests");
  await waitForHydration(page, js);
  const forStaff = page.locator(".request").filter({ hasText: detail });
  await forStaff.getByLabel("志愿者手机号").fill("13900000004");
  await forStaff.getByRole("button", { name: "派单" }).click();
  await expect(page.locator(".request").filter({ hasText: detail })).toContainText("服务中");

  await logIn(page, "13900000004", js);
  await page.goto("/volunteer/requests");
  await waitForHydration(page, js);
  const mine = page.locator(".request").filter({ hasText: detail });
  await expect(mine).toContainText("十九街12栋2单元301");
  await mine.getByRole("button", { name: "服务完成" }).click();
  await expect(page.locator(".request").filter({ hasText: detail })).toContainText("已完成");

  await logIn(page, "13900000005", js);
  await page.goto("/volunteer/requests");
  await waitForHydration(page, js);
  const rated = page.locator(".request").filter({ hasText: detail });
  await rated.getByLabel("5 ★★★★★").check();
  await rated.getByLabel("评价（可不填）").fill("很耐心，全程陪着");
  await rated.getByRole("button", { name: "提交评价" }).click();
  await expect(page.locator(".request").filter({ hasText: detail })).toContainText("已评价");
  await expect(page.locator(".request").filter({ hasText: detail })).toContainText("派单");

  await logIn(page, "13900000004", js);
  expect(await points(page, js)).toBe(before + 15);
});

test("a request is posted and cancelled as plain forms", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await logIn(page, "13900000005", js);
  const detail = `帮王秀英代购降压药（${js ? "JS" : "无JS"}）`;
  const card = await postEscort(page, js, detail);
  await card.getByRole("button", { name: "取消需求" }).click();
  await expect(page.locator(".request").filter({ hasText: detail })).toContainText("已取消");
});
