"""Browser tests: one headless Chromium (Debian's /usr/bin/chromium) per module, driven by
Playwright against pytest-django's live server. Screenshots go to /tmp/shots/ for a person."""

from pathlib import Path

import pytest

from conftest import CHROMIUM

SHOTS = Path("/tmp/shots")

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"
    ),
    # The live server needs committed rows; serialized_rollback brings back the rows that
    # migrations made (staff groups) for the tests that run after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def watch_policy_violations(page):
    """A list that fills with what the Content-Security-Policy blocks on this page (Chromium
    reports each on the console)."""
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    return violations
