from __future__ import annotations

from PySide6.QtGui import QImage

from specplan.screenshots import render_views


def test_every_view_renders_to_png(tmp_path, qapp):
    paths = render_views(tmp_path, 1366, 768)
    assert paths and all(p.exists() for p in paths)
    image = QImage(str(paths[0]))
    assert (image.width(), image.height()) == (1366, 768)
