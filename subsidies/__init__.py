"""The core domain: regelingen, budgets, aanvragen, beschikkingen, payments and vaststelling (DESIGN §2–§6)."""
