//! Files in and out: reading a picked or dropped file's bytes, and downloading text as a
//! file. Sizes are checked before a file is read.

use wasm_bindgen::{JsCast, JsValue};

/// A file the user gave us, read into memory.
pub struct Picked {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    TooLarge {
        name: String,
        bytes: f64,
        limit: usize,
    },
    Failed {
        name: String,
        reason: String,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge { name, bytes, limit } => write!(
                f,
                "“{name}” is too large ({:.1} MB; the limit is {} MB). Nothing was changed.",
                bytes / 1e6,
                limit / (1024 * 1024)
            ),
            ReadError::Failed { name, reason } => write!(f, "“{name}” could not be read: {reason}"),
        }
    }
}

/// Reads a file, refusing it unread when it is larger than `limit` bytes.
pub async fn read(file: web_sys::File, limit: usize) -> Result<Picked, ReadError> {
    let name = file.name();
    let size = file.size();
    if size > limit as f64 {
        return Err(ReadError::TooLarge {
            name,
            bytes: size,
            limit,
        });
    }
    let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
    match gloo_file::futures::read_as_bytes(&blob).await {
        Ok(bytes) => Ok(Picked { name, bytes }),
        Err(e) => Err(ReadError::Failed {
            name,
            reason: e.to_string(),
        }),
    }
}

/// The files of an `<input type=file>` change event or a drop event.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Starts a download of `text` as a file called `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| "cannot create a link")?
        .dyn_into()
        .map_err(|_| "cannot create a link")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // keep the object URL alive until the browser has taken the download
    gloo_timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// Renders an SVG document to a PNG (at `scale` times its size, on white) and downloads it.
/// The SVG is loaded as an image, so nothing in it can run.
pub fn download_svg_as_png(
    name: &str,
    svg: &str,
    width: f64,
    height: f64,
    scale: f64,
) -> Result<(), String> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let blob = gloo_file::Blob::new_with_options(svg, Some("image/svg+xml"));
    let url = gloo_file::ObjectUrl::from(blob);
    let src: String = url.to_string();
    let img = web_sys::HtmlImageElement::new().map_err(|_| "cannot make an image")?;
    let canvas: web_sys::HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(|_| "cannot make a canvas")?
        .dyn_into()
        .map_err(|_| "cannot make a canvas")?;
    let (w, h) = (
        (width * scale).clamp(1.0, 8192.0),
        (height * scale).clamp(1.0, 8192.0),
    );
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let name = name.to_string();
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
            return;
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w, h);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w, h);
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            if let Ok(a) = doc
                .create_element("a")
                .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
            {
                a.set_href(&data);
                a.set_download(&name);
                a.click();
            }
        }
        drop(url);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
    Ok(())
}

/// What a paste carries as `kind` (`text/html`, `text/plain`); empty when nothing. Read
/// through `clipboardData.getData` by name (`web::prop`), not two more typed bindings.
pub fn pasted(ev: &web_sys::Event, kind: &str) -> String {
    let data = super::prop(ev, "clipboardData");
    super::prop(&data, "getData")
        .unchecked_ref::<js_sys::Function>()
        .call1(&data, &JsValue::from_str(kind))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
