import pytest

from wijkteam.tasks import ping

pytestmark = pytest.mark.worker


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_a_task_from_real_redis(celery_worker):
    result = ping.delay()
    assert result.get(timeout=10) == "pong"
    assert result.successful()
