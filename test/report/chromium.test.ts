import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/index.js';
import { findChromium, runPage } from './cdp.js';
import { fixtureStudy, telecomCodebook, telecomModel } from './fixture-study.js';

/**
 * The HTML report in a real browser: headless Chromium loads it through the DevTools protocol, which reports every
 * request the page makes (only the file itself may be requested: no font, script, image or style from anywhere)
 * and every error; a full-page screenshot is taken and must be a real picture. Skipped when Chromium is absent
 * (CI installs it from .ci/apt-packages).
 */
const chromium = findChromium();
const out = process.env.CSIKIT_REPORT_SHOTS ?? mkdtempSync(path.join(tmpdir(), 'csikit-report-'));

describe.skipIf(!chromium)(`the HTML report in headless Chromium${chromium ? '' : ' (skipped: no chromium binary; apt-get install chromium fonts-wqy-microhei)'}`, () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: loads without errors, requests nothing but itself, and renders a full page`, async () => {
      mkdirSync(out, { recursive: true });
      const file = path.join(out, `report-${lang}.html`);
      writeFileSync(file, renderHtml(fixtureStudy(), { lang, model: telecomModel, codebook: telecomCodebook }));
      const url = pathToFileURL(file).href;
      const run = await runPage(chromium!, url);
      writeFileSync(path.join(out, `report-${lang}.png`), run.png);
      expect(run.errors).toEqual([]);
      expect(run.requests).toEqual([url]);
      // A PNG of the whole page: tall (every section laid out) and not blank (a blank page compresses to a few kB).
      expect(run.png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(run.height).toBeGreaterThan(3000);
      expect(run.png.length).toBeGreaterThan(100_000);
    }, 90_000);
  }

  it('zh, as printed (print media: contents hidden, figures kept whole): no errors, no request, a full page', async () => {
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'report-zh-print.html');
    writeFileSync(file, renderHtml(fixtureStudy(), { lang: 'zh', model: telecomModel, codebook: telecomCodebook }));
    const url = pathToFileURL(file).href;
    const run = await runPage(chromium!, url, 794, 60_000, 'print');
    writeFileSync(path.join(out, 'report-zh-print.png'), run.png);
    expect(run.errors).toEqual([]);
    expect(run.requests).toEqual([url]);
    expect(run.height).toBeGreaterThan(3000);
  }, 90_000);

  it('the same check sees a request when a page makes one (a control)', async () => {
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'control.html');
    writeFileSync(file, '<!DOCTYPE html><html lang="en"><head><title>c</title></head><body><img src="http://127.0.0.1:9/x.png" alt="x"></body></html>');
    const run = await runPage(chromium!, pathToFileURL(file).href);
    expect(run.requests).toContain('http://127.0.0.1:9/x.png');
  }, 90_000);
});
