"""Helpers for tests that read what a page tells machines (JSON-LD)."""

import json
import re

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response):
    """Every JSON-LD block of a page, parsed, keyed by @type."""
    blocks = [json.loads(text) for text in JSON_LD.findall(response.content.decode())]
    return {block["@type"]: block for block in blocks}
