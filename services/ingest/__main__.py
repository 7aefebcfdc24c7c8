from parley.services.ingest.cli import app

app(["run"])
