// Prints an HTML file to PDF with headless Chromium (Debian's, driven by
// playwright-core), on the page Folio's PDFs use: A4 with 18 mm margins,
// backgrounds printed, no header or footer. The independent check of
// Folio's pagination: the same print HTML, laid out by a browser. Usage:
//
//   node print-pdf.mjs <HTML-FILE> <PDF-OUT>
//
// Nothing is fetched: the print HTML is self-contained (fonts are the
// system's). Exits 0 with the PDF written; any failure exits 1 with the reason.
import { launch } from "./chromium.mjs";
import { readFile } from "node:fs/promises";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node print-pdf.mjs <html-file> <pdf-out>");
  process.exit(2);
}

const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  await page.route("**/*", (route) => route.fulfill({ status: 204, body: "" }));
  await page.setContent(await readFile(input, "utf8"), { waitUntil: "load" });
  await page.pdf({
    path: output,
    format: "A4",
    margin: { top: "18mm", right: "18mm", bottom: "18mm", left: "18mm" },
    printBackground: true,
    displayHeaderFooter: false,
  });
} catch (e) {
  console.error(`print-pdf: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
