# Production image: gunicorn for web, the same image for the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/app/media

# WeasyPrint needs Pango; fonts for the PDFs are local (no web fonts).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    libharfbuzz-subset0 fonts-dejavu-core postgresql-client \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN DEBUG=false ALLOWED_HOSTS=build SECRET_KEY=build-only-not-used-at-runtime-0123456789abcdefghijklmnop \
    python manage.py collectstatic --noinput \
 && useradd --system --uid 1000 wijkteam && mkdir -p /app/media \
 && chown -R wijkteam /app/media
USER wijkteam

EXPOSE 8000
# Bind, workers and an access log without query strings: wijkteam/gunicorn.conf.py.
CMD ["gunicorn", "-c", "wijkteam/gunicorn.conf.py", "wijkteam.wsgi:application"]
