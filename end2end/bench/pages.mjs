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
  let inFlight = 0;
  let lastActivity = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.request.url.startsWith("data:")) return;
    requests += 1;
    inFlight += 1;
    lastActivity = Date.now();
  });
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
    inFlight -= 1;
    lastActivity = Date.now();
  });
  cdp.on("Network.loadingFailed", () => {
    inFlight -= 1;
    lastActivity = Date.now();
  });
  await tab.goto(page.url, { waitUntil: "load" });
  let hydrateMs = null;
  // A page with islands hydrates them once the browser is idle.
  if (await tab.evaluate(() => document.querySelector("leptos-island") !== null)) {
    await tab.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"), null, {
      timeout: 20_000,
      polling: 10,
    });
    hydrateMs = Math.round(await tab.evaluate(() => performance.now()));
  }
  // Everything the page fetched, however late: nothing in flight for a second.
  while (inFlight > 0 || Date.now() - lastActivity < 1000) await tab.waitForTimeout(100);
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
