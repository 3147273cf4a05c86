import msgspec
import pytest

from docmill_contracts.saledeed import Party, SaleDeed
from docmill_synth import generate_deed, score, values_match

pytestmark = pytest.mark.unit


def test_identical_deeds_score_perfectly() -> None:
    truth = generate_deed(2).truth
    result = score(truth, truth)
    assert result.accuracy == 1.0 and result.mismatches == []
    n_parties = len(truth.sellers) * 11 + len(truth.buyers) * 10
    assert result.total == 11 + 2 + n_parties


def test_a_wrong_field_is_reported() -> None:
    truth = generate_deed(2).truth
    seller = msgspec.structs.replace(truth.sellers[0], pincode="999999")
    got = msgspec.structs.replace(truth, sellers=[seller, *truth.sellers[1:]])
    result = score(truth, got)
    assert result.correct == result.total - 1
    assert result.mismatches[0].field == "sellers[0].pincode"


def test_missing_and_extra_parties_earn_nothing() -> None:
    truth = SaleDeed(sellers=[Party(name="A")], buyers=[])
    assert score(truth, SaleDeed()).correct == 11 + 2
    extra = score(SaleDeed(), SaleDeed(buyers=[Party()]))
    assert extra.total == 13 + 10 and extra.correct == 13


def test_values_match_formatting() -> None:
    assert values_match("No. 12,  MG Road", "no. 12, mg road")
    assert values_match(1200.0, 1203.0)
    assert not values_match(1200.0, 1300.0)
    assert not values_match(None, "x")
    assert values_match(None, None)
