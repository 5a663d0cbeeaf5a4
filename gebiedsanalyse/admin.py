"""Admin for functioneel beheer."""
