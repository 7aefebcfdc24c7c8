from parley.services.enrichment.cli import app

app(["run"])
