"""What must never reach the application logs: BSNs (9 digits) and session ids.
Passwords are never logged by our code; django-axes masks them itself."""

from __future__ import annotations

import logging
import re

NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
SESSION_ID = re.compile(r"(sessionid=)[^;\s]+", re.IGNORECASE)


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = SESSION_ID.sub(r"\1[weg]", NINE_DIGITS.sub("[9 cijfers]", message))
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
