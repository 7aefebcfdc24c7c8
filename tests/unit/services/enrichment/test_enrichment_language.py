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


def test_a_short_english_text_with_a_foreign_name_is_english() -> None:
    assert (
        detect_language("Chile and Peru will hold talks in the Alpine resort of Bürgenstock on Friday.")
        == "en"
    )
    # short texts in other languages still go to the detector
    assert (
        detect_language("Chile und Peru werden in der Schweiz in Bürgenstock am Freitag verhandeln.") == "de"
    )
    assert detect_language("Chile y Perú celebrarán conversaciones en Ginebra el viernes próximo.") == "es"
