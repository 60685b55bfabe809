"""Filtering and sorting of the base-year table through a QSortFilterProxyModel.

Qt's own sort would call back into Python for each of the ~400,000 comparisons of the national
plan's rows; instead the proxy hands sorting to the source model (one numpy argsort) and
filters from a precomputed mask of cells, so ``filterAcceptsRow`` is a lookup.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSortFilterProxyModel, Qt

from ...engine.scope import Scope
from .baseline_model import BaselineModel


class BaselineProxy(QSortFilterProxyModel):
    """Shows the cells that match every word of the filter text (in the service code or name,
    the ICB or region, or the setting) and lie in the navigator's scope."""

    def __init__(self, source: BaselineModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)
        self._text = ""
        self._scope = Scope()
        self._cells: list[bool] | None = None  # flat cell -> shown; None shows all
        source.modelReset.connect(self._recompute)

    @property
    def source(self) -> BaselineModel:
        return self.sourceModel()

    @property
    def shown_cells(self) -> np.ndarray | None:
        """``[s, i, k]`` mask of the cells shown, or None when every cell is shown."""
        if self._cells is None:
            return None
        return np.array(self._cells, dtype=bool).reshape(self.source.plan.baseline.shape)

    def set_filter(self, text: str | None = None, scope: Scope | None = None) -> None:
        """Filter by ``text`` and ``scope`` (None keeps the current one); nothing happens when
        neither changes (filtering the national plan's 26,000 rows takes about 25 ms)."""
        text = self._text if text is None else text
        scope = self._scope if scope is None else scope
        if (text, scope) == (self._text, self._scope):
            return  # the mask already says this (a new plan structure recomputes it on reset)
        self._text, self._scope = text, scope
        self._recompute()

    def _recompute(self) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.9
            self._cells = self._mask()
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._cells = self._mask()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _mask(self) -> list[bool] | None:
        words = self._text.lower().split()
        if not words and self._scope.is_everything:
            return None
        plan = self.source.plan
        services, icbs, settings = (np.array(texts, dtype=object) for texts in self.source.search_texts())
        shown = np.ones(plan.baseline.shape, dtype=bool)
        for word in words:
            shown &= (
                np.array([word in t for t in services])[:, None, None]
                | np.array([word in t for t in icbs])[None, :, None]
                | np.array([word in t for t in settings])[None, None, :]
            )
        if not self._scope.is_everything:
            in_services, in_icbs = self._scope.masks(plan)
            shown &= in_services[:, None, None] & in_icbs[None, :, None]
        return shown.ravel().tolist()  # list lookups are the fastest per-row test

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        cells = self._cells
        return cells is None or cells[self.source.order[source_row]]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (numpy); this proxy keeps the source's order."""
        self.source.sort(column, order)
