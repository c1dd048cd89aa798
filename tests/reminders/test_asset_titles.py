"""The title of a phase-out reminder is one whole sentence, with the right plural."""

from types import SimpleNamespace

import pytest

from assets.reminders import asset_title

ASSET = SimpleNamespace(name="2 × Mi-8 helicopters, Beira")


@pytest.mark.parametrize(
    ("days_left", "overdue", "title"),
    [
        (-1, True, "2 × Mi-8 helicopters, Beira (SAAF) is 1 day past its phase-out date"),
        (-8, True, "2 × Mi-8 helicopters, Beira (SAAF) is 8 days past its phase-out date"),
        (0, False, "2 × Mi-8 helicopters, Beira (SAAF) phases out today"),
        (1, False, "2 × Mi-8 helicopters, Beira (SAAF) phases out tomorrow"),
        (7, False, "2 × Mi-8 helicopters, Beira (SAAF) phases out in 7 days"),
    ],
)
def test_a_phase_out_title_reads_as_one_sentence(days_left, overdue, title):
    assert asset_title(ASSET, "SAAF", days_left, overdue=overdue) == title


def test_a_provider_the_reader_may_not_see_is_left_out():
    assert asset_title(ASSET, None, 14, overdue=False) == "2 × Mi-8 helicopters, Beira phases out in 14 days"
