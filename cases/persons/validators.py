"""The BSN 11-proef and a few normalisers for what the desk types."""

import re
import unicodedata

from django.core.exceptions import ValidationError

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")


def is_valid_bsn(value: str) -> bool:
    """9 digits whose weighted sum (9..2, -1) is divisible by 11 and not zero."""
    if not (isinstance(value, str) and len(value) == 9 and value.isdigit()):
        return False
    total = sum(int(d) * w for d, w in zip(value, BSN_WEIGHTS, strict=True))
    return total != 0 and total % 11 == 0


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            "Dit is geen geldig BSN: het moet uit 9 cijfers bestaan en de 11-proef "
            "doorstaan. Controleer het nummer.",
            code="invalid_bsn",
        )


def normalize_bsn(value: str) -> str:
    """Strip spaces and dots; an 8-digit BSN gets its leading zero back."""
    digits = re.sub(r"[\s.\-]", "", value or "")
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def mask_bsn(value: str) -> str:
    return f"******{value[-3:]}" if value else ""


def normalize_postcode(value: str) -> str:
    """'3071sk' -> '3071 SK'; anything that is not a postcode comes back stripped."""
    match = POSTCODE_RE.match((value or "").strip())
    if not match:
        return (value or "").strip().upper()
    return f"{match.group(1)} {match.group(2).upper()}"


def search_key(*parts: str) -> str:
    """Lower case without accents, one space between words: what search runs on."""
    text = " ".join(p for p in parts if p)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())
