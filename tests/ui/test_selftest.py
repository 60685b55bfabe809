from __future__ import annotations

import os
import subprocess
import sys


def test_self_test_passes_in_a_fresh_process():
    out = subprocess.run([sys.executable, "-m", "specplan.app", "--self-test"], capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=240)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test passed" in out.stdout and "reconcile to the penny" in out.stdout
