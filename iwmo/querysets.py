from __future__ import annotations

from django.db import models


class BerichtQuerySet(models.QuerySet):
    def heen(self):
        """The messages themselves, without the retours that answer them."""
        return self.filter(retour_van__isnull=True)

    def known_sha256(self, hashes) -> set[str]:
        """Which of these file hashes are stored already: one query per chunk, so a
        re-import skips known files before parsing or validating them."""
        return set(
            self.filter(sha256__in=list(hashes)).values_list("sha256", flat=True)
        )

    def by_header(self, code: str, afzender: str, identificatie: str, dagtekening):
        return self.filter(
            code=code,
            afzender=afzender,
            identificatie=identificatie,
            dagtekening=dagtekening,
        )
