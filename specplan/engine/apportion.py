"""Largest-remainder apportionment: split integer totals into integer parts that add up exactly.

Group sums go through ``np.bincount``, which adds in float64: exact for integers below 2**53
pence (about £90 trillion), far beyond any plan, and ten times faster than ``np.add.at``.
"""

from __future__ import annotations

import numpy as np

# Quotas come from a few float operations, each within 1e-16 relative; flooring this far below
# them guarantees no floor overshoots its true value, so the shortfall is never negative.
_FLOOR_BIAS = 1e-12


def group_sum(values: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Sum ``values[r, m, ...]`` over the members ``m`` of each group ``groups[r, m]``.

    Returns ``[r, n_groups, ...]`` in the dtype of ``values``.
    """
    n_rows, n_members = groups.shape
    trailing = values.shape[2:]
    width = int(np.prod(trailing, dtype=np.int64))
    slot = (np.arange(n_rows)[:, None] * n_groups + groups).astype(np.intp)
    if width > 1:
        slot = (slot[:, :, None] * width + np.arange(width)).reshape(n_rows, n_members, width)
    sums = np.bincount(slot.ravel(), weights=values.reshape(slot.size), minlength=n_rows * n_groups * width)
    return sums.astype(values.dtype).reshape((n_rows, n_groups) + trailing)


def apportion(quota: np.ndarray, groups: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Integers close to ``quota`` that add up exactly to ``totals`` within each group.

    ``quota`` is ``[..., m]`` (members on the last axis), ``groups`` (broadcastable to it)
    gives each member's group ``0..G-1`` within its row, and ``totals`` ``[..., G]`` the integer
    each group must reach (a group's quotas must sum to it in exact arithmetic). Each member
    gets the floor of its quota; units left over go to the largest fractional parts, ties to
    the earlier member.
    """
    shape = quota.shape
    n_members, n_groups = shape[-1], totals.shape[-1]
    q = quota.reshape(-1, n_members)
    n_rows = q.shape[0]
    member_group = np.broadcast_to(groups, shape).reshape(n_rows, n_members)
    flat_group = (np.arange(n_rows)[:, None] * n_groups + member_group).ravel()

    base = np.floor(q)
    short = _shortfall(base, flat_group, totals, n_rows * n_groups)
    if (short < 0).any():
        # A quota a hair below a whole number came out on it, so its floor overshot: floor
        # every quota slightly low instead (float error here is far below 1e-12 relative).
        base = np.floor(q - _FLOOR_BIAS * np.abs(q))
        short = _shortfall(base, flat_group, totals, n_rows * n_groups)
    fraction = q - base

    # Rank within each row by group, then largest fraction first, then earlier member, all in
    # one int64 key: a plain sort of keys is several times faster than an argsort.
    member_bits = max(int(n_members - 1).bit_length(), 1)
    fraction_bits = 62 - member_bits - max(int(n_groups - 1).bit_length(), 1)
    # Fractions are float noise below 2**-40 of a unit; ranking finer than that means nothing.
    assert fraction_bits >= 40, "too many members or groups for one sort key"
    scaled = np.minimum(fraction, 1.999)
    np.subtract(2.0, scaled, out=scaled)  # larger fraction, smaller key
    scaled *= float(2 ** (fraction_bits - 2))  # (0, 2] to at most 2**(fraction_bits - 1)
    key = scaled.astype(np.int64)
    key <<= member_bits
    key |= np.arange(n_members)
    key |= member_group.astype(np.int64) << (fraction_bits + member_bits)
    ranked = np.sort(key, axis=1).ravel()
    # The group's members are contiguous in the sorted row, from ``first``; a member is awarded
    # a unit when its key is below that of the group's short-th member.
    sizes = np.bincount(flat_group, minlength=n_rows * n_groups)
    first = np.cumsum(sizes) - sizes
    at = np.minimum(first + short, ranked.size - 1)
    threshold = np.where(short < sizes, ranked[at], np.iinfo(np.int64).max)
    awarded = key.ravel() < threshold[flat_group]
    out: np.ndarray = (base.astype(np.int64).ravel() + awarded).reshape(shape)
    return out


def _shortfall(base: np.ndarray, flat_group: np.ndarray, totals: np.ndarray, size: int) -> np.ndarray:
    """Units each group still needs after the floors."""
    got = np.bincount(flat_group, weights=base.ravel(), minlength=size)
    return totals.reshape(-1).astype(np.int64) - got.astype(np.int64)

