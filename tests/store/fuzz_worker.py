"""Open the plan files named on stdin, one a line; print one JSON line per file.

Run by ``test_fuzz.py`` in a subprocess, so that a hang (the parent's per-file timeout), a crash
of the interpreter (no answer) or an unexpected exception (``traceback``) shows up per file.
"""

from __future__ import annotations

import json
import sys
import traceback


def main() -> None:
    from specplan.domain.errors import UserError
    from specplan.engine import compute
    from specplan.store import PlanFile, PlanFileError

    for line in sys.stdin:
        path = line.rstrip("\n")
        try:
            with PlanFile.open(path) as document:
                plan = document.saved_plan
            try:
                compute(plan)  # what `summary` does next with a plan that opened
            except UserError as error:  # a strange but valid plan may fail the engine's checks
                answer = {"outcome": "opened", "engine": str(error)}
            else:
                answer = {"outcome": "opened"}
        except PlanFileError as error:
            answer = {"outcome": "error", "type": type(error).__name__, "message": str(error)}
        except BaseException:  # noqa: BLE001 - exactly what the test must never see
            answer = {"outcome": "traceback", "traceback": traceback.format_exc()}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
