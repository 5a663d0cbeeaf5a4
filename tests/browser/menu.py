"""Following the main menu as a user does: its links sit in groups that open on
a click (Bootstrap dropdowns), and below 992 px behind the "Menu tonen" button."""


def open_menu(page, name: str) -> None:
    """Click the menu link `name` (exact), opening the menu and its group first."""
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    toggler = nav.get_by_role("button", name="Menu tonen")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
    # `has` looks inside each group, so the inner locator starts from the page.
    link = page.get_by_role("link", name=name, exact=True, include_hidden=True)
    group = nav.locator("li.dropdown").filter(has=link)
    if group.count():
        button = group.locator("button.dropdown-toggle")
        if button.get_attribute("aria-expanded") != "true":
            button.click()
    nav.get_by_role("link", name=name, exact=True).click()
