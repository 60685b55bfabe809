"""Split base-year cells over the successors of each ICB, exactly in integer pence.

Each old ICB ``i`` has up to ``G`` successors (``to_index[i, g]``, padded with ``units = 0``)
and shares in units of ``1 / scale`` (``scale`` up to 10**9, shares of at most 9 decimals). The
part of ``S0`` for successor ``g`` is the largest remainder of ``S0 * share``: all in int64,
with no float anywhere, so the parts add up to ``S0`` exactly and the same inputs give the same
pence on every machine. ``S0`` is split as ``a * scale + b`` so that no product overflows:
``a * units <= S0`` and ``b * units < scale**2 <= 10**18``.
"""

from __future__ import annotations

import numpy as np


def split_spend(spend: np.ndarray, units: np.ndarray, scale: int) -> np.ndarray:
    """Parts ``[s, i, g, k]`` of ``spend[s, i, k]``: ``sum over g`` is ``spend`` exactly.

    A successor gets the floor of its quota ``spend * units / scale``; the pence left over go
    one each to the largest remainders, ties to the earlier successor (``g`` is in the new
    vintage's order of ICBs, which is the plan's order after re-mapping).
    """
    whole, rest = np.divmod(spend[:, :, None, :], scale)
    weight = units[None, :, :, None]
    product = rest * weight
    parts = whole * weight + product // scale
    remainder = product % scale
    remainder[np.broadcast_to(weight == 0, remainder.shape)] = -1  # padding is never awarded
    short = spend - parts.sum(axis=2)
    n = units.shape[1]
    rank = np.zeros(parts.shape, np.int64)
    for other in range(n):
        theirs = remainder[:, :, other: other + 1, :]
        ahead = theirs > remainder
        ahead[:, :, other + 1:, :] |= theirs == remainder[:, :, other + 1:, :]
        rank += ahead
    parts += rank < short[:, :, None, :]
    return parts


def gather(parts: np.ndarray, to_index: np.ndarray, units: np.ndarray, n_new: int) -> np.ndarray:
    """Add the parts ``[s, i, g, k]`` landing on the same new ICB: ``[s, j, k]`` (any dtype)."""
    s, i, g, k = parts.shape
    one_hot = np.zeros((i * g, n_new), parts.dtype)
    real = (units > 0).ravel()
    one_hot[np.arange(i * g)[real], to_index.ravel()[real]] = 1
    flat = parts.transpose(0, 3, 1, 2).reshape(s * k, i * g)
    return (flat @ one_hot).reshape(s, k, n_new).transpose(0, 2, 1)


def split_activity(activity: np.ndarray, units: np.ndarray, scale: int) -> np.ndarray:
    """``A0 * share`` per successor, as floats (activity is not money: no rounding)."""
    return activity[:, :, None, :] * (units / scale)[None, :, :, None]
