import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { createStaticHandler } from './static-files.ts';

let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'taurine-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Taurine</title>');
  await writeFile(join(dist, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => rm(dist, { recursive: true, force: true }));

const get = (handler: ReturnType<typeof createStaticHandler>, path: string) => {
  const url = new URL(path, 'http://localhost:4000');
  return handler(new Request(url), url, {});
};

describe('embedding policy of the SPA', () => {
  it('lets only the app itself frame its pages by default', async () => {
    const response = await get(createStaticHandler(dist), '/dashboards/d1?embed&panel=p95');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('adds the EMBED_ORIGINS origins to every page, not to scripts', async () => {
    const handler = createStaticHandler(dist, {
      embedOrigins: ['https://status.example.com', 'http://localhost:8080'],
    });
    for (const path of ['/', '/dashboards/d1?embed', '/index.html']) {
      const response = await get(handler, path);
      expect(response.headers.get('content-security-policy')).toBe(
        "frame-ancestors 'self' https://status.example.com http://localhost:8080",
      );
    }
    const script = await get(handler, '/assets/app.js');
    expect(script.headers.get('content-security-policy')).toBeNull();
  });

  it('refuses EMBED_ORIGINS entries that are not origins', () => {
    expect(() => loadConfig({ EMBED_ORIGINS: "https://ok.example, *; script-src 'none'" })).toThrow(
      ConfigError,
    );
    expect(
      loadConfig({ EMBED_ORIGINS: 'https://a.example, http://b.example:81' }).embedOrigins,
    ).toEqual(['https://a.example', 'http://b.example:81']);
  });
});
