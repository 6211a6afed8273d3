// Every route of the app, opened as the person who uses it: hydrated, in the standard display,
// in 长辈版 and in English, failing on any console error, page error or WebAssembly panic (the
// fixture collects them); in English no status badge may be in Chinese. A page no other test visits is still covered here. With JavaScript
// off, each route still renders its page.
import { test, expect, logIn, waitForHydration, NO_SUCH_PAGE } from "./fixtures";
import type { Page } from "@playwright/test";

/** Demo accounts (password xingfu-demo). */
const ROLES = {
  visitor: null,
  admin: "13900000001", // 张主任, admin of every community
  worker: "13900000002", // 陈静, worker and admin of 十九街社区
  staff: "13900000003", // 刘芳, canteen staff of 十九街社区
  volunteer: "13900000004", // 赵磊
  family: "13900000005", // 李军, family of 王秀英 (elder 1) and 李建国
} as const;

type Role = keyof typeof ROLES;

/** Each route of `app/src/lib.rs` once, with the role that uses it. */
const ROUTES: Record<Role, string[]> = {
  visitor: ["/", "/login", "/register", "/canteen", "/canteen/1", NO_SUCH_PAGE],
  family: [
    "/account",
    "/family",
    "/family/elders/new",
    "/family/elders/1",
    "/canteen/order",
    "/canteen/order?elder=1&service=1",
    "/canteen/orders",
    "/volunteer/requests",
    "/school",
    "/school/mine",
    "/school/proposals",
    "/notifications",
  ],
  volunteer: ["/volunteer", "/volunteer/mine", "/volunteer/points", "/canteen/deliver"],
  staff: [
    "/canteen/manage",
    "/canteen/manage/routes",
    "/canteen/manage/menu",
    "/canteen/manage/setup",
    "/canteen/manage/settlement",
  ],
  worker: [
    "/community/elders",
    "/community/elders/new",
    "/volunteer/manage",
    "/school/manage",
    "/school/manage/week",
    "/school/manage/week?by=teacher",
    "/dashboard",
  ],
  admin: [
    "/admin",
    "/canteen/manage/subsidies",
    "/school/manage/setup",
    "/school/manage/roster?class=1",
    "/dashboard",
  ],
};

const DISPLAYS = [
  { name: "standard", cookies: [] },
  { name: "长辈版", cookies: [{ name: "xf_mode", value: "elder" }] },
  { name: "English", cookies: [{ name: "xf_lang", value: "en" }] },
];

async function setCookies(page: Page, cookies: { name: string; value: string }[]) {
  const base = test.info().project.use.baseURL as string;
  if (cookies.length) {
    await page.context().addCookies(cookies.map((c) => ({ ...c, url: base })));
  }
}

for (const display of DISPLAYS) {
  for (const role of Object.keys(ROUTES) as Role[]) {
    test(`every ${role} route renders and hydrates without errors (${display.name})`, async ({ page }, info) => {
      const js = info.project.use.javaScriptEnabled !== false;
      test.skip(!js && display.name !== "standard", "without JavaScript one display is enough");
      const phone = ROLES[role];
      if (phone) await logIn(page, phone, js);
      await setCookies(page, display.cookies);
      for (const route of ROUTES[role]) {
        const response = await page.goto(route);
        expect(response?.status(), route).toBe(route === NO_SUCH_PAGE ? 404 : 200);
        await waitForHydration(page, js);
        await expect(page.locator("main h1").first(), route).toBeVisible();
        if (display.name === "长辈版") {
          await expect(page.locator("html"), route).toHaveClass(/elder-mode/);
        }
        if (display.name === "English") {
          await expect(page.locator("html"), route).toHaveAttribute("lang", "en");
          // Statuses, kinds and categories are labelled by the page, not sent in Chinese.
          for (const badge of await page.locator("main .badge").allInnerTexts()) {
            expect(badge, `${route}: badge "${badge}"`).not.toMatch(/[\u4e00-\u9fff]/);
          }
        }
      }
    });
  }
}
