"""Sessions that end after a period without activity (SESSION_COOKIE_AGE), without a database write per request.

Django refreshes a session's expiry only when the session is saved. SESSION_SAVE_EVERY_REQUEST would write the
session row on every page and every htmx call (on SQLite every write queues behind the others); this middleware
marks a session as modified at most once per SESSION_REFRESH_SECONDS, so an active person stays logged in and an
idle session ends between SESSION_COOKIE_AGE minus that interval and SESSION_COOKIE_AGE after the last request.
"""
import time

from django.conf import settings

KEY = "_vernieuwd"


class InactivityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        # An empty session (an anonymous visitor) is never saved, and must not be made non-empty here.
        if not session.is_empty():
            now = int(time.time())
            if now - session.get(KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[KEY] = now  # marks the session modified: SessionMiddleware saves it with a new expiry
        return self.get_response(request)
