"""Small function views; every one goes through wijkteam.access."""
