"""`make run` in demo mode without BRP_URL starts the local BRP and points web and
worker at it (scripts/devenv.py, start_local_brp)."""

import importlib.util
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("devenv", ROOT / "scripts" / "devenv.py")
devenv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(devenv)


def test_demo_without_brp_url_starts_the_local_brp():
    env = {"WIJKTEAM_DEMO": "true", "PATH": "/usr/bin:/bin"}
    child = devenv.start_local_brp(env)
    try:
        url = env["BRP_URL"]
        assert url.startswith("http://127.0.0.1:")
        body = {
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": ["999993653"],
            "fields": ["naam.volledigeNaam"],
        }
        deadline = time.monotonic() + 20
        while True:
            try:
                answer = httpx.post(f"{url}/personen", json=body, timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "de lokale BRP start niet"
                assert child.poll() is None, "de lokale BRP stopte"
                time.sleep(0.2)
        assert answer.json()["personen"] == [
            {"naam": {"volledigeNaam": "Suzanne Moulin"}}
        ]
    finally:
        child.terminate()
        child.wait(timeout=10)


def test_a_configured_brp_or_no_demo_starts_nothing():
    configured = {"WIJKTEAM_DEMO": "true", "BRP_URL": "https://brp.gemeente.example"}
    assert devenv.start_local_brp(configured) is None
    assert configured["BRP_URL"] == "https://brp.gemeente.example"
    assert devenv.start_local_brp({"WIJKTEAM_DEMO": "false"}) is None
