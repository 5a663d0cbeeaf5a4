from django.db import models


class TeamQuerySet(models.QuerySet):
    def of_user(self, user):
        """Teams in which the user holds an active role."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            memberships__user=user, memberships__is_active=True
        ).distinct()


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Het toegangslog kan niet worden gewijzigd.")

    def delete(self):
        raise PermissionError("Het toegangslog kan niet worden verwijderd.")
