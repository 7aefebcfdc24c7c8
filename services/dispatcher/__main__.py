from parley.services.dispatcher.cli import dispatcher_app

dispatcher_app(["run"])
