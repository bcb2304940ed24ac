# The portal image: the same code as the embedded default, configured by environment.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends curl libpq5 \
    libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 portal
WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY common common
COPY portal portal
COPY members members
COPY solutions_catalog solutions_catalog
COPY events events
COPY funding funding
COPY search search
COPY locale locale
COPY manage.py ./
RUN pip install -c constraints.txt . \
    && SECRET_KEY=collectstatic-only-not-a-secret-0123456789-ABCDEFGHIJKLMNOP ALLOWED_HOSTS=build \
       python manage.py collectstatic --noinput
RUN mkdir -p /app/media && chown portal /app/media
USER portal
EXPOSE 8000
# Request line and headers capped (the body is capped by the portal: MAX_REQUEST_BODY_SIZE).
# gthread: a request waiting on PostgreSQL or Elasticsearch does not hold a whole worker (the
# README's Scaling section has the figures).
CMD ["gunicorn", "portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--worker-class", "gthread", "--threads", "4", "--access-logfile", "-", \
     "--limit-request-line", "8190", "--limit-request-fields", "100", \
     "--limit-request-field_size", "8190"]
