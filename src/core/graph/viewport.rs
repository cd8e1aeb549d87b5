//! Pan and zoom arithmetic of the drawing.

use crate::core::layout::P;

/// Pan and zoom of the drawing: graph point p shows at (x + k·p.x, y + k·p.y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

/// The zoom factor of a wheel turn of `delta_y` pixels: 1.0015 per pixel, in for a negative
/// delta, out for a positive one (a rational step: no `exp`, whose libm code weighs in wasm).
pub fn wheel_factor(delta_y: f64) -> f64 {
    let s = 1.0 + delta_y.abs() * 0.0015;
    if delta_y > 0.0 {
        1.0 / s
    } else {
        s
    }
}

/// Zooms by `factor` about the screen point `at`, which stays where it is; the zoom stays
/// between 0.05 and 8.
pub fn zoom_at(Transform { x, y, k }: Transform, at: (f64, f64), factor: f64) -> Transform {
    let nk = (k * factor).clamp(0.05, 8.0);
    let (px, py) = at;
    Transform {
        x: px - (px - x) * nk / k,
        y: py - (py - y) * nk / k,
        k: nk,
    }
}

/// The graph point under the screen point `at`.
pub fn to_graph(Transform { x, y, k }: Transform, at: (f64, f64)) -> P {
    P {
        x: (at.0 - x) / k,
        y: (at.1 - y) / k,
    }
}

/// Pans (keeping the zoom) so that graph point `p` is centred in a `w` × `h` area, unless
/// it shows there already.
pub fn bring_into_view(t: Transform, p: P, w: f64, h: f64) -> Transform {
    let (sx, sy) = (t.x + p.x * t.k, t.y + p.y * t.k);
    if sx < 0.0 || sy < 0.0 || sx > w || sy > h {
        Transform {
            x: w / 2.0 - p.x * t.k,
            y: h / 2.0 - p.y * t.k,
            k: t.k,
        }
    } else {
        t
    }
}
