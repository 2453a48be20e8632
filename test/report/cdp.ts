/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe` (fds 3 and 4, NUL-terminated JSON), enough
 * to load a page in headless Chromium, record every network request and every error, and take a full-page screenshot.
 * No dependency: the test needs only the `chromium` binary (skipped when absent).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The Chromium binary, or null when none is installed. */
export function findChromium(): string | null {
  for (const bin of ['chromium', 'chromium-browser', 'google-chrome']) {
    const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** What loading a page did. */
export interface PageRun {
  /** URL of every request the page made (the document itself included). */
  requests: string[];
  /** Uncaught exceptions, console errors and failed loads. */
  errors: string[];
  /** Full-page PNG screenshot. */
  png: Buffer;
  /** The page's height in CSS px. */
  height: number;
}

/**
 * Loads `url` in headless Chromium (as root: --no-sandbox, a throwaway profile) and reports requests, errors and a
 * full-page screenshot.
 */
export async function runPage(chromium: string, url: string, width = 1280, timeoutMs = 60_000, media: 'screen' | 'print' = 'screen'): Promise<PageRun> {
  const profile = mkdtempSync(path.join(tmpdir(), 'csikit-chromium-'));
  const child = spawn(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const listeners: ((m: any) => void)[] = [];
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (msg.id !== undefined && pending.has(msg.id)) {
        const p = pending.get(msg.id)!;
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(msg.error.message));
        else p.resolve(msg.result);
      } else for (const l of listeners) l(msg);
    }
  });
  const send = (method: string, params: object = {}, sessionId?: string): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let died: (e: Error) => void = () => undefined;
  const death = new Promise<never>((_, reject) => (died = reject));
  death.catch(() => undefined);
  child.once('exit', () => {
    const e = new Error('chromium exited (or was stopped after the time limit)');
    for (const p of pending.values()) p.reject(e);
    died(e);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const requests: string[] = [];
    const errors: string[] = [];
    let loaded!: () => void;
    const load = new Promise<void>((r) => (loaded = r));
    listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      if (m.method === 'Network.requestWillBeSent') requests.push(m.params.request.url);
      if (m.method === 'Network.loadingFailed') errors.push(`load failed: ${m.params.errorText}`);
      if (m.method === 'Runtime.exceptionThrown') errors.push(`exception: ${m.params.exceptionDetails?.text}`);
      if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') errors.push(`log: ${m.params.entry.text}`);
      if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') errors.push('console.error');
      if (m.method === 'Page.loadEventFired') loaded();
    });
    for (const d of ['Network.enable', 'Page.enable', 'Runtime.enable', 'Log.enable']) await send(d, {}, sessionId);
    await send('Emulation.setDeviceMetricsOverride', { width, height: 1000, deviceScaleFactor: 1, mobile: false }, sessionId);
    if (media === 'print') await send('Emulation.setEmulatedMedia', { media: 'print' }, sessionId);
    await send('Page.navigate', { url }, sessionId);
    await Promise.race([load, death]);
    const { contentSize } = await send('Page.getLayoutMetrics', {}, sessionId);
    const height = Math.ceil(contentSize.height);
    const shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } }, sessionId);
    await send('Browser.close').catch(() => undefined);
    return { requests, errors, png: Buffer.from(shot.data, 'base64'), height };
  } finally {
    clearTimeout(timer);
    // Let the browser close by itself (Browser.close above), then make sure; only then remove its profile.
    const late = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(late);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // a helper process may still hold a file for a moment: a leftover temp profile is harmless
    }
  }
}
