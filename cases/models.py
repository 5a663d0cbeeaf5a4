"""Models of this app. A `models/` package once this passes ~500 lines."""
