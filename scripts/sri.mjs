// Subresource Integrity: the `integrity` value a <link>/<script> tag gives for a file's bytes.
// One home for it: the build (split-wasm.mjs) writes these into index.html, and the browser
// benchmarks (tests/browser/bench-search.mjs --css) rewrite one when they serve a changed file.

import { createHash } from 'node:crypto';

/** The `sha384-…` integrity value of `bytes`, as Trunk writes it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
