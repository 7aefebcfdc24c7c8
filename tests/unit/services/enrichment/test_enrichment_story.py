from parley.services.enrichment.extract import StoryIndex

BASE = (
    "Negotiators from the two neighbouring states will gather in a lakeside city next week to discuss "
    "water rights, border crossings and a long list of trade disputes that have soured relations for years, "
    "according to officials on both sides who spoke before the meeting was formally confirmed."
)


def test_near_duplicates_share_the_first_id() -> None:
    index = StoryIndex()
    assert index.assign("a", BASE) == "a"
    assert index.assign("b", BASE.replace("next week", "next Tuesday") + " Updated.") == "a"
    assert index.assign("c", "A completely different report about a football match and its goals.") == "c"
    assert index.assign("a", "anything") == "a"
    assert index.assign("empty", "") == "empty"
