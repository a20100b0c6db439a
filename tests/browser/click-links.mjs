// Opens a page in headless Chromium (Debian's, driven by playwright-core),
// clicks every link on it, and reports whether any script ran: a dialog
// (alert), a navigation to a javascript: or data: URL, or the page's own
// marker. Usage:
//
//   node click-links.mjs url <URL>     load the page from a server
//   node click-links.mjs file <FILE>   load HTML from a file, with no CSP
//
// Prints one JSON line: {"links": N, "clicked": N, "script": [...]} and
// exits 0; any failure to run exits 1 with the reason.
import { launch } from "./chromium.mjs";
import { readFile } from "node:fs/promises";

const [mode, target] = process.argv.slice(2);
if (!["url", "file"].includes(mode) || !target) {
  console.error("usage: node click-links.mjs url|file <target>");
  process.exit(2);
}

const browser = await launch();
const script = [];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", async (dialog) => {
    script.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  // Nothing leaves the machine: requests other than the page's own are
  // answered empty, and navigations away are recorded, not followed.
  const origin = mode === "url" ? new URL(target).origin : null;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(javascript|data|vbscript):/i.test(url)) script.push(`request: ${url}`);
    if (origin && url.startsWith(origin)) return route.continue();
    return route.fulfill({ status: 204, body: "" });
  });
  const html = mode === "file" ? await readFile(target, "utf8") : null;
  const load = async () => {
    // A click's navigation can land after the next load started (on a busy
    // machine): that load is then interrupted, and is simply done again.
    for (let attempt = 1; ; attempt++) {
      try {
        if (html !== null) await page.setContent(html, { waitUntil: "load" });
        else await page.goto(target, { waitUntil: "load" });
        break;
      } catch (error) {
        if (attempt >= 3 || !/interrupted by another navigation/.test(error.message)) throw error;
        await page.waitForTimeout(200);
      }
    }
    await page.evaluate(() => { window.__folioPage = true; });
  };
  await load();
  const links = await page.locator("a").count();
  let clicked = 0;
  for (let i = 0; i < links; i++) {
    const link = page.locator("a").nth(i);
    if (!(await link.isVisible())) continue;
    await link.click({ noWaitAfter: true, timeout: 5000 }).catch(() => {});
    clicked++;
    await page.waitForTimeout(150);
    // A javascript: URL that ran replaces or scripts the page.
    const ours = await page.evaluate(() => window.__folioPage === true).catch(() => false);
    if (!ours) {
      const url = page.url();
      if (/^(javascript|data|vbscript):/i.test(url)) script.push(`navigated: ${url}`);
      await load();
    }
  }
  console.log(JSON.stringify({ links, clicked, script }));
} catch (error) {
  console.error(`click-links: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
