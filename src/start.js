// Starts the Parallax app. It lives in a file, not inline in index.html, so that the page's
// Content-Security-Policy can allow scripts from the site's own files only ("script-src
// 'self'"), with no hash to keep in step with each build. Trunk writes the hashed names of the
// app's JavaScript and wasm into this tag's data attributes (`pattern_script` in Trunk.toml);
// the <link rel=modulepreload>/<link rel=preload> tags Trunk adds carry their integrity hashes.
const tag = document.querySelector('script[data-parallax-js]');
const { default: init } = await import(tag.dataset.parallaxJs);
await init({ module_or_path: tag.dataset.parallaxWasm });
