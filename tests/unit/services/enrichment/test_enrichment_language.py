from parley.services.enrichment.language import detect_language


def test_languages() -> None:
    assert detect_language("The two governments will hold talks in Vienna next week, officials said.") == "en"
    assert (
        detect_language("Les deux gouvernements tiendront des pourparlers à Vienne la semaine prochaine.")
        == "fr"
    )
    assert detect_language("Обе стороны проведут переговоры в Вене на следующей неделе.") == "ru"


def test_too_short_is_undetermined() -> None:
    assert detect_language("") is None
    assert detect_language("12 34 !!") is None
