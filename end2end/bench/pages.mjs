// Measures pages as a browser on a phone link fetches them. For each page, in a fresh browser
// profile (a cold cache): the bytes on the wire and the requests, the time until its islands
// are hydrated (if it has any); then on an emulated 400 Kbps / 400 ms link, the time until its
// largest content is painted on a cold cache and again on a repeat visit.
//
//   node end2end/bench/pages.mjs pages.json   # [{ "name", "url", "cookie"? }, ...]
// Prints one JSON object per page.
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const pages = JSON.parse(readFileSync(process.argv[2], "utf8"));
const SLOW = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

async function contextFor(page) {
  const context = await browser.newContext({ locale: "id-ID", viewport: { width: 360, height: 740 } });
  if (page.cookie) {
    const [name, value] = page.cookie.split("=");
    await context.addCookies([{ name, value, url: page.url }]);
  }
  return context;
}

/** Largest contentful paint of the page shown, in ms from the start of its navigation. */
function lcp(tab) {
  return tab.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(Math.round(entries[entries.length - 1].startTime));
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(null), 5000);
      }),
  );
}

async function coldLoad(page) {
  const context = await contextFor(page);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  let requests = 0;
  let bytes = 0;
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!e.request.url.startsWith("data:")) requests += 1;
  });
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  await tab.goto(page.url, { waitUntil: "load" });
  let hydrateMs = null;
  if (await tab.evaluate(() => "hydrating" in document.documentElement.dataset)) {
    await tab.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"), null, {
      timeout: 20_000,
      polling: 10,
    });
    hydrateMs = Math.round(await tab.evaluate(() => performance.now()));
  }
  await tab.waitForLoadState("networkidle");
  await context.close();
  return { requests, bytes, hydrateMs };
}

async function slowLink(page) {
  const context = await contextFor(page);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW);
  await tab.goto(page.url, { waitUntil: "load" });
  const cold = await lcp(tab);
  await tab.waitForLoadState("networkidle");
  await tab.goto("about:blank");
  await tab.goto(page.url, { waitUntil: "load" });
  const repeat = await lcp(tab);
  await context.close();
  return { coldLcpMs: cold, repeatLcpMs: repeat };
}

for (const page of pages) {
  const result = { name: page.name, ...(await coldLoad(page)), ...(await slowLink(page)) };
  console.log(JSON.stringify(result));
}
await browser.close();
