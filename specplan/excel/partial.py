"""A finance sheet that covers only part of the plan: replace the whole baseline, or update.

A ledger for one region or one programme of care mentions some of the plan's cells. Replacing the
baseline with it would silently zero every other cell, so the import counts the existing
non-zero cells the sheet does not mention (and their money) before anything changes, and the
caller chooses: ``replace`` (those cells become zero) or ``update`` (only the cells the sheet
mentions change). The command line refuses to guess; the import wizard asks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain import Baseline
from ..domain.plan import Plan
from ..domain.words import plural
from .money import pounds_text

MODES = ("replace", "update")


@dataclass(frozen=True)
class Unmentioned:
    """The plan's existing non-zero cells a sheet does not mention."""

    cells: int
    pence: int

    def describe(self) -> str:
        return (f"the sheet does not mention {plural(self.cells, 'cell')} of the plan's baseline that "
                f"{'holds' if self.cells == 1 else 'hold'} {pounds_text(self.pence)}")


def mentioned_mask(shape: tuple[int, int, int], cells: dict[tuple[int, int, int], list[float]]) -> np.ndarray:
    """A boolean ``[service, icb, setting]`` array, true where the sheet gives a figure."""
    mask = np.zeros(shape, bool)
    if cells:
        keys = np.array(list(cells), dtype=np.intp)
        mask[keys[:, 0], keys[:, 1], keys[:, 2]] = True
    return mask


def unmentioned(before: Baseline, mentioned: np.ndarray) -> Unmentioned:
    """Count the cells (non-zero spend or activity) outside ``mentioned`` and their spend."""
    left = ~mentioned & ((before.spend_pence != 0) | (before.activity != 0))
    return Unmentioned(int(left.sum()), int(before.spend_pence[left].sum()))


def combine(before: Plan, imported: Baseline, mentioned: np.ndarray, mode: str, keep_activity: bool) -> Baseline:
    """The baseline a ``mode`` import gives: the sheet's figures, plus (``update``) the plan's own
    figures wherever the sheet is silent."""
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} is not one of {', '.join(MODES)}")
    if mode == "replace":
        return imported
    spend = np.where(mentioned, imported.spend_pence, before.baseline.spend_pence)
    activity = before.baseline.activity if keep_activity else np.where(
        mentioned, imported.activity, before.baseline.activity)
    return Baseline(spend, activity)


def choose(before: Plan, imported: Plan, mentioned: np.ndarray, mode: str) -> Plan:
    """``imported`` (a ``replace`` import of ``before``) as a ``mode`` import instead: what the
    import wizard calls once the user has chosen, without reading the sheet again."""
    if mode == "replace":
        return imported
    return imported.replace(baseline=combine(before, imported.baseline, mentioned, mode, keep_activity=False))
