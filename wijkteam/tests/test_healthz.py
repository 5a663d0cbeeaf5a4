from django.urls import reverse

import pytest

from wijkteam import views
from wijkteam.tasks import ping

pytestmark = pytest.mark.worker


@pytest.mark.django_db(transaction=True)
def test_reports_database_redis_and_worker_ok(client, celery_worker):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "redis": "ok",
        "worker": "ok",
        "status": "ok",
    }


@pytest.mark.django_db
def test_reports_503_when_no_worker_answers(client, monkeypatch):
    monkeypatch.setattr(views, "WORKER_PING_TIMEOUT", 0.5)
    monkeypatch.setattr(views, "ping", ping.s().set(queue="niemand-luistert"))
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["worker"] == "timeout"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_reports_redis_error(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["redis"] == "error"


@pytest.mark.django_db
def test_probes_for_kubernetes_ask_less(client, monkeypatch, settings):
    """Without a worker the readiness probe still passes (pages work); with Redis
    gone it fails; the liveness probe only says the process answers."""
    monkeypatch.setattr(views, "ping", ping.s().set(queue="niemand-luistert"))
    ready = client.get(reverse("healthz"), {"probe": "ready"})
    assert ready.status_code == 200
    assert ready.json() == {"database": "ok", "redis": "ok", "status": "ok"}

    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    assert client.get(reverse("healthz"), {"probe": "ready"}).status_code == 503
    live = client.get(reverse("healthz"), {"probe": "live"})
    assert live.status_code == 200 and live.json() == {"status": "ok"}
