"""Reusable reads: QuerySets that scope by team or user."""

from __future__ import annotations

import datetime as dt

from django.db import models

from cases.persons.validators import normalize_bsn, normalize_postcode, search_key

SEARCH_LIMIT = 10


class PersonQuerySet(models.QuerySet):
    def of_team(self, team):
        return self.filter(team=team)

    def matching(
        self,
        *,
        name: str = "",
        birth_date: dt.date | None = None,
        postcode: str = "",
        house_number: str = "",
        bsn: str = "",
    ):
        """Likely matches for what the desk typed: every given criterion counts.

        Name words of 3+ letters each match a part of the search name (trigram
        index; shorter words such as "de" cannot use it and are skipped); a BSN
        or postcode + house number narrow to one address. Without any usable
        criterion: nothing.
        """
        qs = self
        used = False
        for word in search_key(name).split():
            if len(word) >= 3:
                qs = qs.filter(search_name__contains=word)
                used = True
        if birth_date:
            qs = qs.filter(birth_date=birth_date)
            used = True
        postcode = normalize_postcode(postcode)
        if len(postcode) == 7:
            qs = qs.filter(postcode=postcode)
            used = True
            if house_number.strip():
                qs = qs.filter(house_number__iexact=house_number.strip())
        bsn = normalize_bsn(bsn)
        if len(bsn) == 9:
            qs = qs.filter(bsn=bsn)
            used = True
        return qs if used else self.none()
