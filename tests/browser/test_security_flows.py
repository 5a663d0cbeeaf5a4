"""Security flows in the browser: setting up two-factor authentication and logging
in with it, the lockout page, and the access log for a beheerder."""

from base64 import b32decode
from urllib.parse import parse_qs, urlparse

import pytest
from django_otp.oath import TOTP

from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu
from wijkteam.constants import Role
from wijkteam.tests.factories import MembershipFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-123"


def log_in(page, username, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def make_user(username, role):
    user = UserFactory(username=username)
    MembershipFactory(user=user, team=TeamFactory(name="Wijkteam Noord"), role=role)
    return user


def test_two_factor_setup_then_login_with_a_recovery_code(page, settings):
    settings.OTP_ENFORCED = True
    make_user("sanne", Role.BALIE)
    log_in(page, "sanne")
    page.get_by_role("heading", name="Tweestapsverificatie instellen").wait_for()
    assert page.locator(".qr-code svg path").count() == 1
    assert_accessible(page)

    page.get_by_text("Kan niet scannen?").click()
    uri = page.locator("code").inner_text()
    secret = parse_qs(urlparse(uri).query)["secret"][0]
    code = f"{TOTP(b32decode(secret)).token():06d}"
    page.get_by_role("textbox", name="Code").fill("000000")
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_text("Deze code klopt niet").wait_for()
    page.get_by_role("textbox", name="Code").fill(code)
    page.get_by_role("button", name="Bevestigen").click()

    page.get_by_role("heading", name="Tweestapsverificatie staat aan").wait_for()
    codes = page.locator("ul.font-monospace li").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page)
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    page.get_by_role("heading", name="Als balie-medewerker").wait_for()

    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, "sanne")
    page.get_by_role("heading", name="Code invullen").wait_for()
    assert_accessible(page)
    page.get_by_role("textbox", name="Code").fill(codes[0])
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("heading", name="Als balie-medewerker").wait_for()
    page.get_by_text("U hebt een herstelcode gebruikt; er zijn er nog 9").wait_for()


def test_five_wrong_passwords_show_the_lockout_page(page):
    make_user("youssef", Role.WIJKTEAMLID)
    for _ in range(5):
        log_in(page, "youssef", "fout-wachtwoord")
    page.get_by_role("heading", name="Inloggen tijdelijk geblokkeerd").wait_for()
    assert "15 minuten" in page.get_by_role("alert").inner_text()
    assert_accessible(page)


def test_beheerder_filters_the_access_log(page):
    make_user("fatma", Role.BEHEERDER)
    log_in(page, "fatma")
    open_menu(page, "Toegangslog")
    page.get_by_role("heading", name="Toegangslog").wait_for()
    assert page.get_by_role("cell", name="fatma").count() >= 1  # her own login
    assert_accessible(page)
    page.get_by_label("Van (dd-mm-jjjj)").fill("2026-01-01")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_text("Vul een datum in als dd-mm-jjjj.").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Opvallende inzage bekijken").click()
    page.get_by_role("heading", name="Opvallende inzage").wait_for()
    assert_accessible(page)
