"""Which ICB vintage a plan workbook is on: the one its ``Plan`` sheet names, or else the latest
vintage holding every ICB code it uses (said in a notice), or none: then it is refused, naming
the codes each vintage lacks. Workbooks from before plans had vintages carry no such field."""

from __future__ import annotations

from ..domain.user_vintages import load_vintages
from ..domain.vintages import Vintage
from .errors import Problems


def choose_vintage(stated: str | None, codes: list[str], problems: Problems,
                   notices: list[str]) -> Vintage | None:
    vintages = load_vintages()
    if stated is not None:
        if stated in vintages.codes:
            return vintages.get(stated)
        problems.add(f"vintage {stated!r} is not a known ICB vintage ({', '.join(vintages.codes)}); add it "
                     "with 'specplan-cli footprints add-vintage FILE' first", "Plan")
        return None
    found = vintages.holding(codes)
    if found is not None:
        notices.append(f"the Plan sheet gives no vintage: read on ICB vintage {found.code}, the latest that "
                       f"holds all its {len(set(codes))} ICB codes")
        return found
    lacking = "; ".join(f"{v.code} lacks " + ", ".join(c for c in dict.fromkeys(codes) if c not in v.icb_index)
                        for v in reversed(vintages.all))
    problems.add(f"the Plan sheet gives no vintage and no ICB vintage holds all its ICB codes ({lacking}); "
                 "add a vintage row to the Plan sheet", "Plan")
    return None
