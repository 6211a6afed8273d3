// Foundation flows: register, add an elder, log out and in, switch to 长辈版 — with
// JavaScript on (hydrated) and off (plain form posts).
import { test, expect, freshPhone, register, waitForHydration, PASSWORD } from "./fixtures";

test("a family registers, adds an elder, logs out and back in", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const phone = freshPhone(info.workerIndex + (js ? 0 : 5));
  await page.goto("/");
  await waitForHydration(page, js);
  await register(page, "李军", phone);
  await expect(page.getByText("还没有登记长辈")).toBeVisible();

  await page.getByRole("link", { name: "登记长辈" }).click();
  await waitForHydration(page, js);
  await page.getByLabel("长者姓名").fill("王秀英");
  await page.getByLabel("出生日期").fill("1944-03-08");
  await page.getByLabel("所在社区").selectOption({ label: "红钢城街道 · 十九街社区" });
  await page.getByLabel("楼栋").fill("12栋");
  await page.getByLabel("单元").fill("2单元");
  await page.getByLabel("门牌号").fill("301");
  await page.getByLabel("行动不便，需要送餐上门").check();
  await page.getByLabel("花生").check();
  await page.getByLabel("您与长者的关系").fill("儿子");
  await page.getByRole("button", { name: "保存" }).click();

  const card = page.getByRole("listitem").filter({ hasText: "王秀英" });
  await expect(card).toBeVisible();
  await expect(card).toContainText("82");
  await expect(card).toContainText("花生");
  await expect(card).toContainText("十九街社区 12栋 2单元 301");

  await page.getByRole("button", { name: "退出登录" }).click();
  const account = page.getByRole("navigation", { name: "我的账号" });
  await expect(account.getByRole("link", { name: "登录" })).toBeVisible();

  await account.getByRole("link", { name: "登录" }).click();
  await waitForHydration(page, js);
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("link", { name: "李军" })).toBeVisible();
  await page.getByRole("link", { name: "我的家庭" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "王秀英" })).toBeVisible();
});

// The same refusals in each language: the form's labels and the server's messages follow the
// xf_lang cookie, and the English page shows no Chinese in its alert.
const REFUSALS = [
  {
    language: "Chinese",
    cookie: "zh",
    name: "您的称呼",
    phone: "手机号",
    password: "密码",
    repeat: "再次输入密码",
    register: "注册",
    logIn: "登录",
    tooCommon: "这个密码太常见",
    wrongPassword: "手机号或密码不正确",
  },
  {
    language: "English",
    cookie: "en",
    name: "Your name",
    phone: "Mobile number",
    password: "Password",
    repeat: "Repeat the password",
    register: "Register",
    logIn: "Log in",
    tooCommon: "This password is too common",
    wrongPassword: "The mobile number or password is incorrect.",
  },
];

for (const say of REFUSALS) {
  test(`bad input gets a clear ${say.language} message`, async ({ page }, info) => {
    const js = info.project.use.javaScriptEnabled !== false;
    const base = info.project.use.baseURL as string;
    await page.context().addCookies([{ name: "xf_lang", value: say.cookie, url: base }]);
    await page.goto("/register");
    await waitForHydration(page, js);
    await page.getByLabel(say.name).fill("李军");
    await page.getByLabel(say.phone).fill(freshPhone(info.workerIndex + 3));
    await page.getByLabel(say.password, { exact: true }).fill("12345678");
    await page.getByLabel(say.repeat).fill("12345678");
    await page.getByRole("button", { name: say.register }).click();
    await expect(page.getByRole("alert")).toContainText(say.tooCommon);

    await page.goto("/login");
    await waitForHydration(page, js);
    await page.getByLabel(say.phone).fill("13900000005");
    await page.getByLabel(say.password).fill("not-the-password");
    await page.getByRole("button", { name: say.logIn }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(say.wrongPassword);
    if (say.cookie === "en") expect(await alert.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
  });
}

test("the 长辈版 switch enlarges the page and is remembered", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await page.goto("/");
  await waitForHydration(page, js);
  const html = page.locator("html");
  await expect(html).toHaveClass(/standard-mode/);
  if (js) await page.evaluate(() => ((window as any).__samePage = true));

  await page.getByRole("button", { name: "长辈版" }).click();
  await expect(html).toHaveClass(/elder-mode/);
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(18);
  const button = page.getByRole("button", { name: "标准版" });
  const box = await button.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(60);
  if (js) {
    // Only the WebAssembly can switch the page without loading it again.
    expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  }

  await page.reload();
  await expect(html).toHaveClass(/elder-mode/);
  await page.getByRole("button", { name: "标准版" }).click();
  await expect(html).toHaveClass(/standard-mode/);
});

test("demo staff see the community's elders and the admin page", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  await page.goto("/login");
  await waitForHydration(page, js);
  await page.getByLabel("手机号").fill("13900000002");
  await page.getByLabel("密码").fill("xingfu-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("link", { name: "陈静" })).toBeVisible();

  await page.goto("/community/elders");
  await expect(page.getByRole("heading", { name: /孙大海/ })).toHaveCount(1);
  await expect(page.getByText("周桂兰")).toHaveCount(0);

  await page.goto("/admin?phone=13900000004");
  await expect(page.getByRole("heading", { name: /赵磊/ })).toBeVisible();
});
