"""Thin Celery tasks: take ids, load, call a service."""
