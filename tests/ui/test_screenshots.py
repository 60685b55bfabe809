"""Every main view rendered to PNG, by the function and by the command."""

from __future__ import annotations

from PySide6.QtGui import QImage

from specplan.screenshots import render_views


def test_every_view_renders_to_png(tmp_path, qapp):
    paths = render_views(tmp_path, 1366, 768)
    assert paths and all(p.exists() for p in paths)
    image = QImage(str(paths[0]))
    assert (image.width(), image.height()) == (1366, 768)


def test_the_command_writes_one_png_per_view(tmp_path):
    import os
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "specplan.screenshots", str(tmp_path), "--size", "1280x720"],
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr
    written = out.stdout.split()
    assert len(written) == 9 and all(path.endswith("-1280x720.png") for path in written)
    assert all(QImage(path).width() == 1280 for path in written)


def test_screenshots_in_the_dark_theme_are_dark(tmp_path, qapp):
    from specplan.ui.shell.preferences import apply_theme

    try:
        paths = render_views(tmp_path, 1366, 768, theme="dark")
    finally:
        apply_theme("system")
    image = QImage(str(paths[0]))
    # the status bar's empty middle and left end (its right-hand corner has the size grip)
    for x in (5, image.width() // 2):
        assert image.pixelColor(x, image.height() - 5).lightnessF() < 0.3
