"""How money and shares are shown: pounds, thousands or millions, as the user prefers."""

from __future__ import annotations

UNITS = {"gbp": (1, "£", ""), "gbp_k": (1_000, "£", "k"), "gbp_m": (1_000_000, "£", "m")}


def money(pence: int | float, unit: str = "gbp_m", decimals: int | None = None) -> str:
    """``123456789`` pence -> ``£1.23m`` (unit gbp_m), ``£1,235k`` or ``£1,234,568``."""
    divisor, prefix, suffix = UNITS[unit]
    pounds = pence / 100 / divisor
    if decimals is None:
        decimals = 2 if unit == "gbp_m" else 0
    sign = "-" if pounds < 0 else ""
    return f"{sign}{prefix}{abs(pounds):,.{decimals}f}{suffix}"


def exact_money(pence: int) -> str:
    """Pounds and pence, for tables that must reconcile: ``£1,234.56``."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(int(pence)), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"


def share(value: float) -> str:
    return f"{value:.1%}"


def axis_scale(unit: str) -> tuple[float, str]:
    """Divide pence by this for chart axes, and the axis label suffix."""
    divisor, prefix, suffix = UNITS[unit]
    return 100.0 * divisor, f"{prefix}{suffix}"


# How each row of the options comparison reads (engine.compare.ROWS); other rows are money.
_COMPARISON_SHARES = {"community_share"}
_COMPARISON_COUNTS = {"icbs_above_fair_share", "icbs_below_fair_share", "pools_flagged"}
_COMPARISON_NUMBERS = {"beds": "{:,.0f}", "beds_change": "{:+,.0f}", "moved_to_community": "{:,.0f}"}


def comparison_figure(attribute: str, value, money_text) -> str:
    """A figure of the options comparison as the Compare view and the report show it;
    ``money_text(pence)`` writes the money rows in the reader's unit."""
    if attribute in _COMPARISON_SHARES:
        return share(value)
    if attribute in _COMPARISON_COUNTS:
        return f"{value:,d}"
    if attribute in _COMPARISON_NUMBERS:
        return _COMPARISON_NUMBERS[attribute].format(value)
    return money_text(value)
