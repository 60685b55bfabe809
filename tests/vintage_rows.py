"""A made-up 2027 vintage for tests: Birmingham and Solihull merges with the Black Country."""

from __future__ import annotations

from specplan.domain.reference import load_reference
from specplan.domain.user_vintages import COLUMNS


def rows_2027() -> list[list[object]]:
    rows: list[list[object]] = [list(COLUMNS)]
    for icb in load_reference().vintage("2026-04").icbs:
        merged = icb.code in ("QHL", "QUA")
        rows.append(["2027-04", "2027-04-01", "X7Y8Z" if merged else icb.code,
                     "NHS Birmingham and Black Country ICB" if merged else icb.name, icb.region,
                     2_309_649 if merged else icb.population, icb.code, 1])
    return rows
