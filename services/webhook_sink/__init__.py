"""The demo webhook receiver: verifies signatures, prints alerts, lists them at /received."""
