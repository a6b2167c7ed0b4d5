"""Parts of the harvest that each export renders, kept apart from the writers' own files."""
