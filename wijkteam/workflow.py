"""The one status workflow: a transitions table, a locked row, a history row."""


class TransitionNotAllowed(Exception):
    """The status cannot move from where it is to where it was asked to go."""

    def __init__(self, current: str, wanted: str):
        self.current, self.wanted = current, wanted
        super().__init__(f"Van '{current}' naar '{wanted}' kan niet.")
