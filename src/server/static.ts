/**
 * Serving the built app (DESIGN.md "Architecture"): a file if the path names one inside `staticDir`,
 * otherwise the shell `index.html` (the app routes on the client). The shell, the service worker and
 * the manifest are `no-cache` (an update is seen at once); hashed `/assets/*` are immutable. A path
 * can never leave `staticDir`.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NO_CACHE_FILES = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'registerSW.js']);

/** The Cache-Control header for a served path. */
export function cacheControlFor(urlPath: string): string {
  const name = basename(urlPath);
  if (NO_CACHE_FILES.has(name) || /^workbox-[\w-]+\.js$/.test(name)) return 'no-cache';
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Answers a GET for `urlPath` from `staticDir`, or null when there is nothing to serve (no build). */
export async function serveStatic(staticDir: string, urlPath: string): Promise<Response | null> {
  const root = resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '/';
  }
  let servedPath = decoded;
  let file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (
    decoded.includes('\0') ||
    (file !== root && !file.startsWith(root + sep)) ||
    !(await isFile(file))
  ) {
    servedPath = '/index.html';
    file = resolve(root, 'index.html');
    if (!(await isFile(file))) return null;
  }
  const body = await readFile(file);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cacheControlFor(servedPath),
      'x-content-type-options': 'nosniff',
    },
  });
}
