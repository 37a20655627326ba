#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): splits the app's wasm into the main module and the page
// modules of src/lazy_pages.rs, which Trunk 0.21 cannot do itself, and puts them in place of the
// single module Trunk staged.
//
// What Trunk staged is no use for splitting: wasm-split-cli needs the linker's output with its
// relocations (build.rs asks for --emit-relocs), before wasm-bindgen. So this script takes that
// output from cargo's target dir and does what cargo-leptos does with `--split`:
//   1. wasm-split-cli (crates.io wasm_split_cli_support, installed by scripts/setup.sh) cuts it
//      into parallax-app.wasm (main), one .wasm per split point or shared chunk, and
//      __wasm_split.js, which fetches and instantiates a chunk when Rust asks for it;
//   2. wasm-bindgen (as Trunk runs it, plus --keep-lld-exports so the chunks find the main
//      module's functions, memory and table) makes the JS glue for the main module;
//   3. wasm-opt (binaryen, the level index.html asks Trunk for) shrinks every piece, in release.
// Then it names every file by its content (a redeploy never mixes old and new pieces: the main
// module and its chunks must come from one build), replaces Trunk's two files, and rewrites
// index.html: the start.js tag's data attributes, the modulepreload/preload tags and their
// Subresource Integrity hashes, plus a modulepreload for __wasm_split.js.
//
// Run by Trunk with TRUNK_STAGING_DIR, TRUNK_PROFILE and TRUNK_SOURCE_DIR set.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sri } from './sri.mjs';

const APP = 'parallax-app';
const stage = need('TRUNK_STAGING_DIR');
const source = need('TRUNK_SOURCE_DIR');
const release = need('TRUNK_PROFILE') === 'release';

function need(name) {
  const v = process.env[name];
  if (!v) fail(`${name} is not set: run this as Trunk's post_build hook (Trunk.toml)`);
  return v;
}

function fail(msg) {
  console.error(`split-wasm: ${msg}`);
  process.exit(1);
}

function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: source });
  } catch (e) {
    fail(`${cmd} failed (${e.message}); scripts/setup.sh installs it`);
  }
}

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// The app's rust link in index.html says which cargo profile and wasm-opt level Trunk uses.
const html = fs.readFileSync(path.join(stage, 'index.html'), 'utf8');
const sourceHtml = fs.readFileSync(path.join(source, 'index.html'), 'utf8');
const appLink = sourceHtml.match(new RegExp(`<link[^>]*data-bin="${APP}"[^>]*>`, 's'));
if (!appLink) fail(`index.html has no rust link with data-bin="${APP}"`);
const attr = (name) => appLink[0].match(new RegExp(`${name}="([^"]*)"`))?.[1];
const profile = release ? (attr('data-cargo-profile-release') ?? 'release') : 'debug';
const optLevel = attr('data-split-wasm-opt');

const meta = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
    cwd: source,
    maxBuffer: 64 << 20,
  }),
);
const linked = path.join(meta.target_directory, 'wasm32-unknown-unknown', profile, `${APP}.wasm`);
if (!fs.existsSync(linked)) fail(`${linked} is missing: did Trunk build ${APP}?`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-split-'));
try {
  // 1. Split.
  const split = path.join(work, 'split');
  run('wasm-split-cli', [linked, split, '--target', 'web', '--out-name', APP]);
  // 2. The main module's JS glue.
  const bg = path.join(work, 'bindgen');
  run('wasm-bindgen', [
    '--target=web',
    `--out-dir=${bg}`,
    `--out-name=${APP}`,
    '--keep-lld-exports',
    '--no-demangle',
    '--no-typescript',
    path.join(split, `${APP}.wasm`),
  ]);
  const mainWasm = path.join(bg, `${APP}_bg.wasm`);
  const chunks = fs
    .readdirSync(split)
    .filter((f) => f.endsWith('.wasm') && f !== `${APP}.wasm`)
    .map((f) => path.join(split, f));
  // 3. Shrink each piece on its own, as Trunk would have shrunk the one module.
  if (release && optLevel && optLevel !== '0') {
    // PARALLAX_WASM_NAMES=1 keeps the function names (`-g`), for a CPU profile that names them.
    const names = process.env.PARALLAX_WASM_NAMES === '1' ? ['-g'] : [];
    for (const f of [mainWasm, ...chunks]) run('wasm-opt', [`-O${optLevel}`, ...names, f, '-o', f]);
  }

  // Name the chunks by content, then the loader that names them, then the main module's JS
  // (which imports the loader) and wasm by a hash of all of them together.
  let loader = fs.readFileSync(path.join(split, '__wasm_split.js'), 'utf8');
  const out = new Map(); // final name -> bytes
  for (const f of chunks) {
    const bytes = fs.readFileSync(f);
    const stem = path.basename(f, '.wasm');
    const name = `${stem}-${hash(bytes)}.wasm`;
    loader = replaceOnce(loader, `"./${stem}.wasm"`, `"./${name}"`);
    out.set(name, bytes);
  }
  const mainBytes = fs.readFileSync(mainWasm);
  let js = fs.readFileSync(path.join(bg, `${APP}.js`), 'utf8');
  const id = hash(Buffer.concat([mainBytes, Buffer.from(js), Buffer.from(loader)]));
  const jsName = `${APP}-${id}.js`;
  const wasmName = `${APP}-${id}_bg.wasm`;
  const loaderName = `__wasm_split-${id}.js`;
  loader = replaceOnce(loader, `"./${APP}.js"`, `"./${jsName}"`);
  // Only the import statements: the keys of the wasm's import object keep the module name the
  // wasm was linked with.
  js = js.replace(/(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g, `$1"./${loaderName}"`);
  if (!js.includes(loaderName)) fail(`the glue of ${APP} does not import __wasm_split.js`);
  out.set(loaderName, Buffer.from(loader));
  out.set(jsName, Buffer.from(js));
  out.set(wasmName, mainBytes);

  // Replace Trunk's two files (and any pieces of an earlier build in the staging dir).
  const trunkJs = html.match(new RegExp(`data-parallax-js="[^"]*/(${APP}-[0-9a-f]+\\.js)"`))?.[1];
  const trunkWasm = html.match(
    new RegExp(`data-parallax-wasm="[^"]*/(${APP}-[0-9a-f]+_bg\\.wasm)"`),
  )?.[1];
  if (!trunkJs || !trunkWasm) fail('index.html has no start.js tag naming the app (Trunk.toml pattern_script)');
  for (const f of [trunkJs, trunkWasm]) fs.rmSync(path.join(stage, f), { force: true });
  for (const [name, bytes] of out) fs.writeFileSync(path.join(stage, name), bytes);

  // index.html: new names, new integrity hashes, and the loader preloaded beside the glue.
  let page = html;
  page = page.replace(
    new RegExp(`(<link rel="modulepreload" href="[^"]*/)${escape(trunkJs)}("[^>]*integrity=")[^"]*(")`),
    (_, a, b, c) => `${a}${jsName}${b}${sri(out.get(jsName))}${c}`,
  );
  page = page.replace(
    new RegExp(`(<link rel="preload" href="[^"]*/)${escape(trunkWasm)}("[^>]*integrity=")[^"]*(")`),
    (_, a, b, c) => `${a}${wasmName}${b}${sri(mainBytes)}${c}`,
  );
  page = page.split(trunkJs).join(jsName).split(trunkWasm).join(wasmName);
  const base = html.match(/data-parallax-js="([^"]*\/)/)[1];
  page = page.replace(
    '</head>',
    `<link rel="modulepreload" href="${base}${loaderName}" crossorigin="anonymous" integrity="${sri(out.get(loaderName))}"></head>`,
  );
  if (!page.includes(`integrity="${sri(out.get(jsName))}"`)) fail('could not update the glue\'s integrity in index.html');
  fs.writeFileSync(path.join(stage, 'index.html'), page);

  const sizes = [...out].map(([n, b]) => `${n} ${b.length}`).join(', ');
  console.log(`split-wasm: ${sizes}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

function replaceOnce(text, from, to) {
  if (!text.includes(from)) fail(`__wasm_split.js does not mention ${from}`);
  return text.split(from).join(to);
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
