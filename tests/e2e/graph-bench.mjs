// Graph figures in headless Chromium (not a test; no assertions on time):
//  - layout of a 2,000-node, 10,000-edge graph: Gloss's core (wasm, ?bench=layout) and
//    d3-force 3 (npm) in the same page, on the same edge list, from the same kind of start
//    (a sunflower spiral), to the same stopping criterion: no node moved more than 0.1% of
//    the layout's extent (the diagonal of its bounding box) in the last iteration;
//  - dragging a node of a 200-node graph in the app (?graph&graphbench=200): main-thread
//    work per pointer move (handler + style + layout) and the intervals between frames.
// Usage: node tests/e2e/graph-bench.mjs   (after trunk build --release)
import path from 'node:path';
import { ROOT, serve, freshProfile } from './helpers.mjs';

const N = Number(process.env.NODES || 2000);
const M = Number(process.env.EDGES || 10000);
const RUNS = Number(process.env.RUNS || 5);
const TOL = 0.001;

/** The edge list of `core::graph::synthetic_edges(n, m)`: the same generator, seed 42. */
function syntheticEdges(n, m) {
  let x = 42n;
  const mask = (1n << 64n) - 1n;
  const next = () => { x = (x * 6364136223846793005n + 1442695040888963407n) & mask; return Number(x >> 33n); };
  const out = [];
  for (let i = 0; i < m; i++) { const a = next() % n; const b = next() % n; if (a !== b) out.push([a, b]); }
  return out;
}

/** Layout quality, the same measure for both: mean length of an edge over the mean distance
 *  between nodes (sampled pairs). Lower is better: linked nodes sit closer together. */
function quality(xy, edges) {
  const n = xy.length / 2;
  const d = (a, b) => Math.hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);
  let s = 0;
  for (const [a, b] of edges) s += d(a, b);
  const linked = s / edges.length;
  let t = 0, c = 0;
  for (let a = 0; a < n; a += 7) for (let b = 0; b < n; b += 11) if (a !== b) { t += d(a, b); c++; }
  return linked / (t / c);
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const r = (x) => Math.round(x * 10) / 10;

const edges = syntheticEdges(N, M);
const server = await serve();
try {
  const b = await freshProfile();
  await b.page.addInitScript((g) => { window.__layoutGraph = g; }, [N, RUNS, ...edges.flat()].join(' '));
  await b.page.goto(server.url + '?bench=layout');
  await b.page.waitForFunction(() => document.querySelector('#bench')?.textContent.startsWith('{'), null, { timeout: 600000 });
  const gloss = JSON.parse(await b.page.locator('#bench').textContent());
  // d3-force 3 and its dependencies, as published on npm, into the same page
  for (const m of ['d3-dispatch', 'd3-quadtree', 'd3-timer', 'd3-force']) {
    await b.page.addScriptTag({ path: path.join(ROOT, `tests/e2e/node_modules/${m}/dist/${m}.js`) });
  }
  const d3 = await b.page.evaluate(([n, edges, runs, tol]) => {
    const ms = []; let ticks = 0, converged = false, xy = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const nodes = Array.from({ length: n }, (_, i) => ({ index: i }));
      const links = edges.map(([s, t]) => ({ source: s, target: t }));
      const sim = window.d3.forceSimulation(nodes)
        .force('charge', window.d3.forceManyBody())
        .force('link', window.d3.forceLink(links))
        .force('center', window.d3.forceCenter())
        .stop();
      const px = new Float64Array(n), py = new Float64Array(n);
      ticks = 0; converged = false;
      while (ticks < 1000) {
        for (let i = 0; i < n; i++) { px[i] = nodes[i].x; py[i] = nodes[i].y; }
        sim.tick();
        ticks++;
        let moved = 0, lx = Infinity, ly = Infinity, hx = -Infinity, hy = -Infinity;
        for (let i = 0; i < n; i++) {
          const p = nodes[i];
          const d = Math.hypot(p.x - px[i], p.y - py[i]);
          if (d > moved) moved = d;
          if (p.x < lx) lx = p.x; if (p.x > hx) hx = p.x; if (p.y < ly) ly = p.y; if (p.y > hy) hy = p.y;
        }
        if (moved <= tol * Math.hypot(hx - lx, hy - ly)) { converged = true; break; }
      }
      ms.push(performance.now() - t0);
      xy = nodes.flatMap((p) => [p.x, p.y]);
    }
    return { ms, ticks, converged, xy };
  }, [N, edges, RUNS, TOL]);
  await b.close();

  // dragging a node of a 200-node graph in the app
  const dr = await freshProfile();
  const { page } = dr;
  await page.goto(server.url + '?graph&graphbench=200');
  await page.locator('.graph-pane[data-nodes="200"]').waitFor({ timeout: 60000 });
  await page.waitForTimeout(300);
  const inApp = {
    nodes: 200,
    edges: Number(await page.locator('.graph-pane').getAttribute('data-edges')),
    layout_ms: Number(await page.locator('.graph-pane').getAttribute('data-layout-ms')),
    iterations: Number(await page.locator('.graph-pane').getAttribute('data-iterations')),
  };
  // the first node whose centre is not covered by another node's label
  const id = await page.evaluate(() => [...document.querySelectorAll('#graph-svg g.node')].find((g) => {
    const r = g.querySelector('circle, rect').getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('g.node') === g;
  })?.getAttribute('data-id'));
  const target = page.locator(`#graph-svg g.node[data-id="${id}"] > :is(circle, rect)`);
  const box = await target.boundingBox();
  await page.evaluate(() => {
    window.__work = []; window.__frames = []; window.__rec = true; window.__dragFrom = 0;
    // frames before the button goes down belong to pointing at the node (hover dims the rest)
    addEventListener('pointerdown', () => { window.__dragFrom = window.__frames.length; }, true);
    addEventListener('pointermove', () => { window.__t0 = performance.now(); }, true);
    addEventListener('pointermove', () => {
      document.getElementById('graph-svg').getBoundingClientRect(); // style and layout now
      if (window.__t0) window.__work.push(performance.now() - window.__t0);
    }, false);
    let last = performance.now();
    const loop = (t) => { window.__frames.push(t - last); last = t; if (window.__rec) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  });
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let k = 1; k <= 240; k++) {
    const a = (k / 240) * 4 * Math.PI;
    await page.mouse.move(cx + 80 * Math.sin(a), cy + 60 * (1 - Math.cos(a)));
  }
  await page.mouse.up();
  const { work, frames, pointing } = await page.evaluate(() => {
    window.__rec = false;
    return { work: window.__work, pointing: window.__frames.slice(1, window.__dragFrom), frames: window.__frames.slice(Math.max(1, window.__dragFrom)) };
  });
  const moved = await page.locator(`#graph-svg g.node[data-id="${id}"]`).getAttribute('class');
  await dr.close();

  const q = (xy) => r(quality(xy, edges) * 1000) / 1000;
  const gMs = median(gloss.ms_all), dMs = median(d3.ms);
  console.log(JSON.stringify({
    layout_2000_nodes: {
      nodes: N, edges: edges.length, runs: RUNS, criterion: `largest move in an iteration <= ${TOL} x bounding-box diagonal`,
      gloss_wasm_ms_median: r(gMs), gloss_ms_all: gloss.ms_all.map(r), gloss_iterations: gloss.iterations, gloss_converged: gloss.converged,
      d3_force_ms_median: r(dMs), d3_ms_all: d3.ms.map(r), d3_ticks: d3.ticks, d3_converged: d3.converged,
      ratio_d3_over_gloss: r(dMs / gMs),
      quality_edge_over_mean_distance: { gloss: q(gloss.positions), d3: q(d3.xy) },
    },
    drag_200_nodes: {
      ...inApp, pointer_moves: work.length, node_pinned_after: /pinned/.test(moved),
      work_per_move_ms: { p50: r(pct(work, 0.5)), p95: r(pct(work, 0.95)), p99: r(pct(work, 0.99)), max: r(Math.max(...work)) },
      frame_interval_ms: { frames: frames.length, p50: r(pct(frames, 0.5)), p95: r(pct(frames, 0.95)), max: r(Math.max(...frames)), over_16_7: frames.filter((f) => f > 16.7 + 0.5).length },
      // before the drag: the pointer arrives on the node and hovering dims all but its neighbours
      pointing_frame_interval_max_ms: pointing.length ? r(Math.max(...pointing)) : null,
    },
  }, null, 2));
} finally {
  await server.close();
}
