// Gloss's parser, off the page's thread (src/web/worker.rs). The page names its own module
// and WebAssembly files; this worker loads them and runs only `gloss_parse`, whose answer
// (the parsed article as bytes) goes back without a copy. The page ends the worker after
// one job, or when the person cancels.
let app;
self.onmessage = async (e) => {
  const { glue, wasm, bytes, format, name, id, now } = e.data;
  try {
    if (!app) {
      const m = await import(glue);
      await m.default({ module_or_path: wasm });
      app = m;
    }
    const out = app.gloss_parse(new Uint8Array(bytes), format, name, id, now);
    self.postMessage({ ok: out }, [out.buffer]);
  } catch (err) {
    self.postMessage({ error: String((err && err.message) || err) });
  }
};
