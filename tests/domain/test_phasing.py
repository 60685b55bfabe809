from __future__ import annotations

import pytest

from specplan.domain import Phasing


@pytest.mark.parametrize("kind", ["linear", "front_loaded", "s_curve"])
@pytest.mark.parametrize("horizon", [1, 2, 5, 15])
def test_profiles_start_at_0_end_at_1_and_never_fall(kind, horizon):
    profile = Phasing(kind).profile(horizon)
    assert len(profile) == horizon + 1
    assert profile[0] == 0.0 and profile[-1] == 1.0
    assert all(b >= a for a, b in zip(profile, profile[1:]))


def test_shapes_differ_as_their_names_say():
    linear, front, s_curve = (Phasing(k).profile(4) for k in ("linear", "front_loaded", "s_curve"))
    assert linear == (0.0, 0.25, 0.5, 0.75, 1.0)
    assert front[1] > linear[1] > s_curve[1]
    assert s_curve[2] == pytest.approx(0.5)


def test_custom_profile_is_the_values_after_a_zero_base_year():
    assert Phasing("custom", (0.0, 0.4, 1.0)).profile(3) == (0.0, 0.0, 0.4, 1.0)
