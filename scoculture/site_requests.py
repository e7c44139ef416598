"""Requests that commands make of the site itself, as a visitor at its public address would.

A command run from cron has no request: what it builds for visitors (the bulk dumps' absolute
links, the pages it warms) must still name the site's scheme and host, the ones visitors use.
"""

import io
from urllib.parse import urlsplit


def site_environ(url, path="/"):
    """A WSGI environ for a GET of `path` at `url` (the site's address, such as
    https://sco.example.org); ValueError when `url` is not an http(s) address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"The site's address must be an http(s) address, not {url!r}.")
    default_port = "443" if parts.scheme == "https" else "80"
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": parts.netloc,
        "SERVER_NAME": parts.hostname,
        "SERVER_PORT": str(parts.port or default_port),
        "wsgi.url_scheme": parts.scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
