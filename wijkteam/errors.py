from django.shortcuts import render


def forbidden(request, exception=None):
    return render(request, "403.html", status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """A request Django refuses before any view (too large, too many fields)."""
    return render(request, "400.html", status=400)
