from celery import shared_task


@shared_task(name="wijkteam.ping", soft_time_limit=5, time_limit=10)
def ping() -> str:
    """Answer 'pong'; the health check sends it to see that a worker runs."""
    return "pong"
