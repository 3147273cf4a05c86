import pytest

from docmill_extractor.rules import extract_sale_deed
from docmill_synth import FieldScore, generate_deed, score

pytestmark = pytest.mark.slow


def _accuracy(family: str, count: int, pages_of) -> FieldScore:
    total = FieldScore(correct=0, total=0, mismatches=[])
    for seed in range(count):
        deed = generate_deed(seed, family=family)
        total += score(deed.truth, extract_sale_deed(pages_of(deed.pdf)).deed)
    return total


def test_main_family_accuracy(pages_of) -> None:
    result = _accuracy("main", 100, pages_of)
    assert result.total > 5000
    assert result.accuracy >= 0.98, result.mismatches[:20]


def test_holdout_family_accuracy(pages_of) -> None:
    result = _accuracy("holdout", 50, pages_of)
    assert result.total > 2000
    assert result.accuracy >= 0.95, result.mismatches[:20]


@pytest.mark.parametrize("template", ["listed", "prose", "form", "property_first"])
def test_every_main_template_extracts_party_counts(template: str, pages_of) -> None:
    seed = next(s for s in range(200) if generate_deed(s).template == template)
    deed = generate_deed(seed)
    got = extract_sale_deed(pages_of(deed.pdf)).deed
    assert len(got.sellers) == len(deed.truth.sellers)
    assert len(got.buyers) == len(deed.truth.buyers)
