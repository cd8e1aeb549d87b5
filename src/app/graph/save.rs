//! The pane's exports, downloaded.

use super::*;

/// Downloads an export of the graph: the view as SVG or PNG, the graph as GraphML, GEXF
/// or Cytoscape JSON, or the claims of the scope as CSV.
#[inline(never)] // one copy, however many callers
pub(super) fn save(ctx: Ctx, d: &Graph, vis: &Visible, pos: &[P], kind: ExportKind) {
    let base = if ctx.graph_library.get_untracked() {
        "library".to_string()
    } else {
        ctx.library
            .with_untracked(|l| {
                let id = ctx.current.get_untracked()?;
                l.get(&id).map(|a| a.name.clone())
            })
            .unwrap_or_else(|| "article".into())
    };
    let name = crate::core::file_name_for(&base, kind.file_suffix());
    let text = match kind {
        ExportKind::Png => {
            let (svg, w, h) = export::svg_sized(d, vis, pos);
            if let Err(e) = files::download_svg_as_png(&name, &svg, w, h, 2.0) {
                ctx.fail(format!("Export failed: {e}"));
            }
            return;
        }
        ExportKind::Svg => export::svg(d, vis, pos),
        ExportKind::GraphMl => export::graphml(d, Some(pos)),
        ExportKind::Gexf => export::gexf(d, Some(pos)),
        ExportKind::Cytoscape => export::cytoscape(d, Some(pos)),
        ExportKind::ClaimsCsv => ctx.library.with_untracked(|l| {
            export::claims_csv(&scope_articles(ctx, l), &l.identities, &l.scale)
        }),
    };
    if let Err(e) = files::download(&name, &text, kind.mime()) {
        ctx.fail(format!("Export failed: {e}"));
    }
}
