"""Writes that touch more than one row or model: `<entity>_<action>(*, ...)`."""
