import pytest

from parley.services.search import regions


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Ukraine", "Eastern Europe"),
        ("United States", "Northern America"),
        ("Czech Republic", "Eastern Europe"),
        ("Democratic Republic of the Congo", "Middle Africa"),
        ("Republic of the Congo", "Middle Africa"),
        ("Qatar", "Western Asia"),
        ("Switzerland", "Western Europe"),
        ("East Timor", "South-eastern Asia"),
    ],
)
def test_country_names_as_the_extraction_writes_them_have_their_m49_region(name: str, region: str) -> None:
    assert regions.region_of(name) == region


def test_unknown_names_have_no_region() -> None:
    assert regions.region_of("Atlantis") is None
    assert regions.region_of("") is None


def test_in_region_takes_a_sub_region_or_a_continent() -> None:
    names = ["Kenya", "Ethiopia", "Qatar", "Norway", "Atlantis"]
    assert regions.in_region(names, "eastern africa") == ["Kenya", "Ethiopia"]
    assert regions.in_region(names, "Europe") == ["Norway"]
    assert "Eastern Africa" in regions.regions()
    assert "Africa" in regions.regions()
    assert len(regions.regions()) > 20  # the packaged table, not a hand list
