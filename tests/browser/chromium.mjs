// Debian's headless Chromium as the browser tests launch it (through
// playwright-core): $FOLIO_CHROMIUM, else /usr/bin/chromium, with nothing
// reaching out to the network on its own.
import { chromium } from "playwright-core";

export function launch() {
  return chromium.launch({
    executablePath: process.env.FOLIO_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}
