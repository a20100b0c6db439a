// Accepts a renewal proposal the way a person would, in headless Chromium
// (Debian's, driven by playwright-core), with JavaScript off: the page's
// plain forms must work on their own. Usage:
//
//   node accept-proposal.mjs <page URL>
//
// Opens the page, chooses the 2-year option, changes seats to 150,
// accepts, and prints one JSON line with what the person saw at each step
// (the visible text of the page), then exits 0; any failure exits 1.
import { launch } from "./chromium.mjs";

const [target] = process.argv.slice(2);
if (!target) {
  console.error("usage: node accept-proposal.mjs <page URL>");
  process.exit(2);
}

const browser = await launch();
const seen = {};
try {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const visible = () => page.locator("body").innerText();
  await page.goto(target, { waitUntil: "load" });
  seen.opened = await visible();

  // The row of the 2-year option has its own "Choose" button.
  const twoYear = page.locator("tr", { hasText: /2 years/ });
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), twoYear.getByRole("button", { name: "Choose" }).click()]);
  seen.chose = await visible();

  await page.getByLabel(/Seats/).fill("150");
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByRole("button", { name: "Update seats" }).click()]);
  seen.changed = await visible();

  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByRole("button", { name: "Accept proposal" }).click()]);
  seen.accepted = await visible();
  seen.buttons = await page.getByRole("button").count();

  // The link, opened again later, shows the acceptance.
  await page.goto(target, { waitUntil: "load" });
  seen.reopened = await visible();
  console.log(JSON.stringify(seen));
} catch (error) {
  console.error(`${error.stack ?? error}\nseen so far: ${JSON.stringify(seen)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
