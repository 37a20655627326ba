// A tiny static file server for the browser tests (node built-ins only).
//
// Serves a Trunk `dist/` directory under a sub-path (default `/parallax/`), the
// way GitHub Pages serves a project site, on a random free port of 127.0.0.1.
// Everything outside the sub-path, and every missing file, is a 404.
// `overrides` maps a file name inside the sub-path (e.g. "corpus.bin") to a
// different file on disk, so a test can serve the same app with another corpus, and
// `delays` maps a file name to milliseconds to wait before answering (to see loading states).
// With `gzip: true` it answers a request that accepts gzip with the file compressed at level 9
// (`Content-Encoding: gzip`), as GitHub Pages and CDNs do, for the benchmarks and Lighthouse.
//
// Run it by hand: `node tests/browser/server.mjs [distDir] [port] [--gzip]`.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Start the server. Resolves to { origin, baseUrl, port, close() }.
 * @param {{distDir: string, base?: string, port?: number, overrides?: Record<string,string>,
 *   delays?: Record<string,number>, gzip?: boolean}} opts
 */
export function startServer({ distDir, base = '/parallax/', port = 0, overrides = {}, delays = {}, gzip = false }) {
  const root = path.resolve(distDir);
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`base must start and end with '/': ${base}`);
  }

  // Compressed bodies by path and modification time, so repeated requests cost no CPU.
  const gzipped = new Map();
  const compressed = (file, st) => {
    const key = `${file}:${st.mtimeMs}:${st.size}`;
    let body = gzipped.get(key);
    if (!body) {
      body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
      gzipped.set(key, body);
    }
    return body;
  };

  const server = http.createServer((req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404 Not Found\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      notFound();
      return;
    }
    if (pathname === base.slice(0, -1)) {
      // `/parallax` -> `/parallax/`, as GitHub Pages does.
      res.writeHead(301, { Location: base });
      res.end();
      return;
    }
    if (!pathname.startsWith(base)) {
      notFound();
      return;
    }
    let rel = pathname.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    let file = overrides[rel] ?? path.join(root, rel);
    if (!overrides[rel] && !file.startsWith(root + path.sep)) {
      notFound();
      return;
    }
    const serve = () => fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        notFound();
        return;
      }
      const headers = {
        'Content-Type': mimeType(file),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const body = compressed(file, st);
        res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length, Vary: 'Accept-Encoding' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': st.size });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).pipe(res);
    });
    if (delays[rel]) setTimeout(serve, delays[rel]);
    else serve();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      const origin = `http://127.0.0.1:${actual}`;
      resolve({
        origin,
        port: actual,
        baseUrl: origin + base,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = process.argv.slice(2);
  const gzip = args.includes('--gzip');
  const [dir, portArg] = args.filter((a) => a !== '--gzip');
  const distDir = dir ?? path.join(here, '..', '..', 'dist');
  const s = await startServer({ distDir, port: Number(portArg ?? 0), gzip });
  console.log(`Serving ${distDir} at ${s.baseUrl}${gzip ? ' (gzip)' : ''}`);
}
