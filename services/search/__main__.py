from parley.services.search.cli import app

app(["run"])
