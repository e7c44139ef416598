"""Django's PostgreSQL backend, waiting for the server when a connection is refused (base.py)."""
