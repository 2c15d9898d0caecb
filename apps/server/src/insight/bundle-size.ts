import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The gzip size in KiB of the built SPA's JavaScript (`<webDistDir>/assets/*.js`), read once at
 * start for the bundle budget; null without a build.
 */
export function spaBundleGzipKB(webDistDir: string | null): number | null {
  if (webDistDir === null) return null;
  try {
    const assets = join(webDistDir, 'assets');
    let bytes = 0;
    for (const file of readdirSync(assets)) {
      if (file.endsWith('.js')) bytes += gzipSync(readFileSync(join(assets, file))).length;
    }
    return Math.round((bytes / 1024) * 10) / 10;
  } catch {
    return null;
  }
}
