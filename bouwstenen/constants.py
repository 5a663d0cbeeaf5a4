"""TextChoices of this app."""
