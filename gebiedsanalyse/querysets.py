"""Reusable reads: QuerySets that scope by team or user."""
