"""Accessibility check with axe-core (axe-playwright-python bundles axe.min.js)."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}
_axe = Axe()


def assert_accessible(page) -> None:
    """0 serious or critical WCAG 2.1 A/AA violations on the current page."""
    results = _axe.run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
            }
        },
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            node["target"][0]
            if isinstance(node["target"][0], str)
            else str(node["target"])
            for node in v["nodes"][:3]
        )
        for v in results.response["violations"]
        if v.get("impact") in BLOCKING
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(violations)
