"""Headless Chromium (Debian's package) driven by Playwright against the live test server."""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import require_service

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def chromium():
    require_service("Chromium", Path(CHROMIUM).exists() or bool(shutil.which("chromium")), CHROMIUM)
    # The live server runs in a thread of this process, which Playwright's loop shares.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sign_in(page, username, password):
    """Sign in as a person does; an officer or HCT member then sets up two-factor on the way."""
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")  # not the header's language switcher
    page.wait_for_url(lambda url: "/login/" not in url)
    if "/account/two-factor/setup/" in page.url:
        enrol_in_two_factor(page)


def enrol_in_two_factor(page):
    """Type the secret the page shows into an 'authenticator' (django-otp's TOTP) and send its code."""
    from base64 import b32decode

    from django_otp.oath import totp

    screenshot(page, "two-factor-setup")
    # The QR code and the secret fit a phone's width: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    secret = page.inner_text("#totp-secret").replace(" ", "")
    page.fill("#id_code", f"{totp(b32decode(secret)):06d}")
    page.click("main button[type=submit]")  # not the header's "Sign out" button
    page.wait_for_selector("#recovery-codes")
    page.click("text=I have saved them: continue")
    page.wait_for_url(lambda url: "/account/two-factor/" not in url)


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
