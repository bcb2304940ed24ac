"""Development: the embedded default with DEBUG on and a throwaway secret key. Logs WARNING
and above unless LOG_LEVEL asks for more, so that ``scripts/run-demo.sh`` ends on the demo
logins rather than under every task's trace and every request served."""

from .base import *  # noqa: F403
from .base import LOGGING, env

DEBUG = env.bool("DEBUG", default=True)
# Nodes of a development federation (and of the tests) run on 127.0.0.1, over http.
FEDERATION_ALLOW_PRIVATE_PEERS = env.bool("FEDERATION_ALLOW_PRIVATE_PEERS", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-deploy")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

LOG_LEVEL = env("LOG_LEVEL", default="WARNING")
LOGGING["root"]["level"] = LOG_LEVEL
# Django's own loggers say each thing once, through the root's handler, at that level.
LOGGING["loggers"]["django"] = {"level": LOG_LEVEL}
# runserver's request lines (INFO; a 4xx is a WARNING, a 5xx an ERROR) follow LOG_LEVEL too.
LOGGING["loggers"]["django.server"] = {"handlers": ["console"], "level": LOG_LEVEL,
                                       "propagate": False}
