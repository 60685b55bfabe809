"""Split base-year cells over the successors of each ICB, exactly in integer pence.

Each old ICB ``i`` has up to ``G`` successors (``to_index[i, g]``, padded with ``units = 0``)
and shares in units of ``1 / scale`` (``scale`` up to 10**9, shares of at most 9 decimals). The
part of ``S0`` for successor ``g`` is the largest remainder of ``S0 * share``: all in int64,
with no float anywhere, so the parts add up to ``S0`` exactly and the same inputs give the same
pence on every machine. ``S0`` is split as ``a * scale + b`` so that no product overflows:
``a * units <= S0`` and ``b * units < scale**2 <= 10**18``.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def split_spend(spend: np.ndarray, units: np.ndarray, scale: int) -> np.ndarray:
    """Parts ``[s, i, g, k]`` of ``spend[s, i, k]``: ``sum over g`` is ``spend`` exactly.

    A successor gets the floor of its quota ``spend * units / scale``; the pence left over go
    one each to the largest remainders, ties to the earlier successor (``g`` is in the new
    vintage's order of ICBs, which is the plan's order after re-mapping). An ICB with one
    successor (share 1) passes its spend through untouched.
    """
    parts = np.zeros((spend.shape[0], units.shape[0], units.shape[1], spend.shape[2]), np.int64)
    whole_icb = units[:, 0] == scale
    parts[:, whole_icb, 0, :] = spend[:, whole_icb, :]
    split = np.flatnonzero(~whole_icb)
    if split.size:
        parts[:, split] = _largest_remainder(spend[:, split, :], units[split], scale)
    return parts


def _largest_remainder(spend: np.ndarray, units: np.ndarray, scale: int) -> np.ndarray:
    whole, rest = np.divmod(spend[:, :, None, :], scale)
    weight = units[None, :, :, None]
    product = rest * weight
    parts = whole * weight + product // scale
    remainder = product % scale
    remainder[np.broadcast_to(weight == 0, remainder.shape)] = -1  # padding is never awarded
    short = spend - parts.sum(axis=2)
    rank = np.zeros(parts.shape, np.int64)
    for other in range(units.shape[1]):
        theirs = remainder[:, :, other: other + 1, :]
        ahead = theirs > remainder
        ahead[:, :, other + 1:, :] |= theirs == remainder[:, :, other + 1:, :]
        rank += ahead
    parts += rank < short[:, :, None, :]
    awarded: np.ndarray = parts
    return awarded


def gather(parts: np.ndarray, to_index: np.ndarray, units: np.ndarray, n_new: int) -> np.ndarray:
    """Add the parts ``[s, i, g, k]`` landing on the same new ICB: ``[s, j, k]`` (exact for ints)."""
    out = np.zeros((parts.shape[0], n_new, parts.shape[3]), parts.dtype)
    for g in range(units.shape[1]):
        real = units[:, g] > 0
        where: Any = (slice(None), to_index[real, g], slice(None))  # numpy's stubs take no tuples
        np.add.at(out, where, parts[:, real, g, :])
    return out


def split_activity(activity: np.ndarray, units: np.ndarray, scale: int) -> np.ndarray:
    """``A0 * share`` per successor, as floats (activity is not money: no rounding)."""
    return activity[:, :, None, :] * (units / scale)[None, :, :, None]
