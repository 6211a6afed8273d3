// Shared test set-up: fail on any browser console error or page error, and helpers that
// use the app the way a person does (labels and roles, never CSS positions).
import { test as base, expect, Page } from "@playwright/test";

export const PASSWORD = "红钢城wh2024!";

/** An address that does not exist, for tests of the 404 page. */
export const NO_SUCH_PAGE = "/no-such-page";

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        // A refused form (4xx from a server function) is shown to the user; tests check that.
        const refused = /status of 4\d\d/.test(msg.text()) && msg.location().url.includes("/api/");
        // The app's 404 page, opened on purpose at an address that does not exist.
        const missingOnPurpose = /status of 404/.test(msg.text()) && msg.location().url.includes(NO_SUCH_PAGE);
        if (!refused && !missingOnPurpose) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(String(err)));
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A mobile number unused so far: 15 + 9 digits from the clock and the project. */
export function freshPhone(tag: number): string {
  const digits = String(Date.now() % 1e8).padStart(8, "0");
  return `15${digits}${tag % 10}`;
}

export function jsEnabled(page: Page): Promise<boolean> {
  return page.evaluate(() => true).catch(() => false);
}

/** Waits until the WebAssembly has hydrated the page (no-op with JavaScript off). */
export async function waitForHydration(page: Page, javaScript: boolean) {
  if (javaScript) {
    await page.waitForFunction(() => (window as any).__xingfuHydrated === true);
  }
}

export async function register(page: Page, name: string, phone: string) {
  await page.goto("/register");
  await page.getByLabel("您的称呼").fill(name);
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByRole("heading", { name: "我的家庭" })).toBeVisible();
}

/** Signs in as one of the demo accounts (password xingfu-demo), after signing out. */
export async function logIn(page: Page, phone: string, js: boolean) {
  await page.context().clearCookies();
  await page.goto("/login");
  await waitForHydration(page, js);
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill("xingfu-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}
