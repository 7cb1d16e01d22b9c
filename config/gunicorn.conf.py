"""Gunicorn for `make serve`: two sync workers on loopback, behind a reverse proxy that terminates TLS."""
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 60
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
# Django trusts X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER); only the local proxy may set it.
forwarded_allow_ips = "127.0.0.1,::1"
# No shared control socket in $HOME: stop and reload with signals, like the rest of the stack.
control_socket_disable = True
