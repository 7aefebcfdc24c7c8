"""Helpers shared by test modules (builders, receivers, launchers); no tests live here."""
