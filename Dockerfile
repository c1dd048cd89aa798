# CMCoord, production image: gunicorn serves the app, whitenoise its static files.
# The same image runs the Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_ENV=production

WORKDIR /app

# The locked dependencies first (every package at an exact version, checked against its hashes), so
# that a code change does not reinstall them. `make lock` regenerates requirements.txt.
COPY requirements.txt ./
RUN pip install --require-hashes -r requirements.txt

COPY . .

# Static files are collected at build time. Settings refuse to load in production without a full
# environment, so this one step gets dummy values; they are not kept in the image.
RUN DJANGO_SECRET_KEY=build-only-not-a-secret-build-only-not-a-secret-build-only \
    DJANGO_ALLOWED_HOSTS=build.invalid \
    DATABASE_URL=postgres://build@build.invalid:5432/build \
    REDIS_URL=redis://build.invalid:6379/0 \
    EMAIL_HOST=build.invalid \
    python manage.py collectstatic --noinput \
    && python -m compileall -q /app

# The code stays owned by root and read-only for the app; only media/ is writable.
RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --shell /usr/sbin/nologin cmcoord \
    && mkdir -p /app/media \
    && chown cmcoord:cmcoord /app/media
USER cmcoord

EXPOSE 8000
# Workers: gunicorn.conf.py (2 × CPUs + 1, or GUNICORN_WORKERS).
CMD ["gunicorn", "cmcoord.wsgi", "--bind", "0.0.0.0:8000", "--log-config-json", "deploy/gunicorn-logging.json", "--forwarded-allow-ips", "*"]
