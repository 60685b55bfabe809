"""Fuzzing: a sample plan corrupted at random never gives a traceback, a hang or a write.

Each corrupted file is opened (for editing, the riskier way) by a subprocess with a timeout per
file; a handful more go through ``specplan-cli summary`` in a fresh process each.
"""

from __future__ import annotations

import json
import os
import random
import select
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from specplan.paths import sample_plans_dir

SAMPLES = sample_plans_dir()

SEEDS = int(os.environ.get("SPECPLAN_FUZZ_SEEDS", "400"))
CLI_SEEDS = 8
PER_FILE_TIMEOUT = 60.0
WORKER = Path(__file__).with_name("fuzz_worker.py")
PAGE = 4096


def corrupt(data: bytes, seed: int) -> bytes:
    """A damaged copy of ``data``: flipped bytes, random runs, truncation, lost or swapped pages."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3))):
        kind, pages = rng.randrange(8), len(out) // PAGE
        if kind == 0:  # a few flipped bytes anywhere
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(len(out))] ^= rng.randint(1, 255)
        elif kind == 1:  # the header
            out[rng.randrange(100)] ^= rng.randint(1, 255)
        elif kind == 2:  # a run of random bytes
            start = rng.randrange(len(out))
            out[start:start + rng.randint(1, 512)] = rng.randbytes(rng.randint(1, 512))
        elif kind == 3:  # cut short
            del out[rng.randrange(len(out)):]
        elif kind == 4 and pages > 1:  # a page of zeros
            page = rng.randrange(1, pages)
            out[page * PAGE:(page + 1) * PAGE] = bytes(PAGE)
        elif kind == 5 and pages > 2:  # two pages swapped
            p, q = rng.sample(range(1, pages), 2)
            out[p * PAGE:(p + 1) * PAGE], out[q * PAGE:(q + 1) * PAGE] = \
                out[q * PAGE:(q + 1) * PAGE], out[p * PAGE:(p + 1) * PAGE]
        elif kind == 6 and pages > 1:  # a b-tree page header damaged
            page = rng.randrange(1, pages)
            out[page * PAGE + rng.randrange(12)] ^= rng.randint(1, 255)
        elif kind == 7:  # garbage appended
            out += rng.randbytes(rng.randint(1, 3 * PAGE))
        if not out:
            break
    return bytes(out)


class Worker:
    def __init__(self, log: Path):
        self.stderr = log.open("w")
        self.process = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.stderr, text=True, bufsize=1)

    def ask(self, path: Path) -> dict:
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], PER_FILE_TIMEOUT)
        if not ready:
            self.process.kill()
            pytest.fail(f"opening {path} hung for {PER_FILE_TIMEOUT:.0f} s")
        line = self.process.stdout.readline()
        if not line:
            pytest.fail(f"the process opening {path} died (exit {self.process.wait()})")
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.stderr.close()


def check_answer(path: Path, answer: dict, before: bytes) -> None:
    assert answer["outcome"] != "traceback", f"{path.name}:\n{answer['traceback']}"
    if answer["outcome"] == "error":
        message = answer["message"]
        assert message.startswith(f"{path}: ") and "\n" not in message, message
    assert path.read_bytes() == before, f"{path.name} was written"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "files left beside the plan"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="select() on pipes is POSIX-only")
def test_random_corruption_never_gives_a_traceback_a_hang_or_a_write(tmp_path):
    original = (SAMPLES / "mh-collaborative.specplan").read_bytes()
    worker = Worker(tmp_path / "worker-stderr.txt")
    outcomes: Counter = Counter()
    try:
        for seed in range(SEEDS):
            path = tmp_path / f"seed-{seed}" / "plan.specplan"
            path.parent.mkdir()
            data = corrupt(original, seed)
            path.write_bytes(data)
            answer = worker.ask(path)
            check_answer(path, answer, data)
            outcomes[answer.get("type", answer["outcome"])] += 1
    finally:
        worker.close()
    stderr = (tmp_path / "worker-stderr.txt").read_text()
    assert "Traceback" not in stderr, stderr
    print(f"{SEEDS} corrupted files: {dict(outcomes.most_common())}")
    assert sum(outcomes.values()) == SEEDS and outcomes["opened"] < SEEDS  # most damage is noticed


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10_000, 10_000 + CLI_SEEDS))
def test_cli_on_a_corrupted_plan_prints_one_line(tmp_path, seed):
    path = tmp_path / "plan.specplan"
    data = corrupt((SAMPLES / "mh-collaborative.specplan").read_bytes(), seed)
    path.write_bytes(data)
    out = subprocess.run([sys.executable, "-m", "specplan.cli", "summary", str(path), "--json"],
                         capture_output=True, text=True, timeout=PER_FILE_TIMEOUT, env=dict(os.environ),
                         check=False)
    assert "Traceback" not in out.stderr and out.returncode in (0, 2), out.stderr
    if out.returncode == 2:
        assert out.stderr.startswith(f"specplan-cli: {path}: ") and len(out.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == data and [p.name for p in tmp_path.iterdir()] == ["plan.specplan"]
