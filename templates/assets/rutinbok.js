// Search for the handbook; the only script a page needs, and pages work without it.
