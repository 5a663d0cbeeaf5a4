"""gunicorn for the web service: the image's CMD (Dockerfile) starts it with
`-c wijkteam/gunicorn.conf.py`; docker-compose.yml and the Kubernetes web
Deployment run that CMD.

The access log line names the path without its query string (`%(U)s`, not `%(r)s`
or `%(q)s`): a GET of a person page or search carries names, birth dates and BSNs
there. The referer is left out for the same reason: it is the previous page's full
address. The application's own access log (NEN 7513) records who saw whom.
"""

bind = "0.0.0.0:8000"
workers = 3
timeout = 30
accesslog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
