"""The application in a real X window (Xvfb, xcb platform), moved by real mouse events (xdotool)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("real_window_driver.py")
pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool libxcb-icccm4 libxcb-keysyms1; .ci/run does)",
)


@pytest.fixture
def display():
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    if not socket.exists():
        server.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(5)


def test_real_window_slider_drag_and_screenshots(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    out = subprocess.run([sys.executable, str(DRIVER), str(tmp_path)], capture_output=True, text=True,
                         env=env, timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    assert result["after"] != result["before"], result
    assert result["plan_changed"] and result["undo_steps"] == 1, result
    assert result["problems"] == {}, result["problems"]
    assert len(result["screenshots"]) >= 2 * 3
    assert all(Path(p).stat().st_size > 10_000 for p in result["screenshots"])
