from parley.services.alerting.cli import app

app(["run"])
