"""Parley Desk: the pages analysts read (upcoming talks, an event's history, search, live alerts),
served by the search service under /desk/."""
