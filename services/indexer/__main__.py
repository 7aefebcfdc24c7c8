from parley.services.indexer.cli import app

app(["run"])
